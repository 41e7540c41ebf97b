package io.omnireturns.console.portal.shell;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The shopper portal's settings ({@code omnireturns.portal.*}); the defaults work on a fresh machine.
 *
 * @param guestSessionTtl     how long a guest, once their order is found, may use the portal before looking it up again
 * @param guestLookupAttempts how many look-ups one address may try per {@code guestLookupWindow} (then it waits)
 * @param guestLookupWindow   the window of {@code guestLookupAttempts}
 * @param photoMaxSize        the largest photo a shopper may upload
 * @param photoMaxCount       how many photos one return may hold
 * @param customerSessionTtl  jwt mode: how long a customer, once signed in with the shop's token, may use the portal
 * @param signInTokenMaxAge   jwt mode: how long after it was issued ({@code iat}) a sign-in token is still taken
 * @param shopSignInUrl       jwt mode: where the portal's sign-in page sends a customer to sign in at the shop (which
 *                            then hands them over with a token); none: the page only offers the guest look-up
 */
@ConfigurationProperties("omnireturns.portal")
public record PortalProperties(Duration guestSessionTtl, Integer guestLookupAttempts, Duration guestLookupWindow,
                               DataSize photoMaxSize, Integer photoMaxCount, Duration customerSessionTtl,
                               Duration signInTokenMaxAge, java.net.URI shopSignInUrl) {

    public PortalProperties {
        guestSessionTtl = guestSessionTtl == null ? Duration.ofMinutes(30) : guestSessionTtl;
        guestLookupAttempts = guestLookupAttempts == null ? 10 : guestLookupAttempts;
        guestLookupWindow = guestLookupWindow == null ? Duration.ofMinutes(10) : guestLookupWindow;
        photoMaxSize = photoMaxSize == null ? DataSize.ofMegabytes(5) : photoMaxSize;
        photoMaxCount = photoMaxCount == null ? 5 : photoMaxCount;
        customerSessionTtl = customerSessionTtl == null ? Duration.ofHours(1) : customerSessionTtl;
        signInTokenMaxAge = signInTokenMaxAge == null ? Duration.ofMinutes(5) : signInTokenMaxAge;
    }
}
