package io.omnireturns.archfixture.bad.webhooks.web;

/** A web adapter in a feature whose name starts with "web". */
public class WebhookEndpoint {
}
