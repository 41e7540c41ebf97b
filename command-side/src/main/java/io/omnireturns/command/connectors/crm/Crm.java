package io.omnireturns.command.connectors.crm;

/** The CRM: tells customers where their return stands and opens cases for people to work. */
public interface Crm {

    /** Answers the CRM's message reference. */
    String notifyCustomer(CustomerNotification notification);

    /** Answers the CRM's case id; the same key answers the same case. */
    String openCase(CaseRequest request);
}
