package io.omnireturns.distribution.webhooks;

import java.util.List;

/** One page of deliveries, newest first. {@code page} counts from zero. */
public record DeliveryPage(List<DeliveryView> content, int page, int size, long totalElements, int totalPages) {

    public DeliveryPage {
        content = List.copyOf(content);
    }

    static DeliveryPage of(List<DeliveryView> content, int page, int size, long total) {
        return new DeliveryPage(content, page, size, total, (int) ((total + size - 1) / size));
    }
}
