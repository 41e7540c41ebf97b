package io.omnireturns.console.portal;

import io.omnireturns.console.browser.ConsoleBrowser;
import io.omnireturns.console.browser.ConsoleBrowserTest;
import io.omnireturns.console.browser.DemoReturns;
import io.omnireturns.console.browser.SignedInAs;
import io.omnireturns.console.portal.photos.ReturnPhotos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.omnireturns.console.portal.PortalShopping.ALEX_EMAIL;
import static org.assertj.core.api.Assertions.assertThat;

/** Photos of a return in headless Chromium: what the shopper may upload, and who sees it. */
@ConsoleBrowserTest
class PortalPhotosBrowserTest {

    @Autowired
    ReturnPhotos photos;

    @Test
    void a_file_that_is_not_a_picture_is_refused_whatever_its_name_and_a_png_is_kept_for_the_shopper_and_staff(
            ConsoleBrowser shopper, @SignedInAs("service-agent") ConsoleBrowser agent, DemoReturns returns,
            @TempDir Path files) throws IOException {
        DemoReturns.Requested requested = returns.webReturn();
        PortalShopping.guestLooksUp(shopper, requested.orderId(), ALEX_EMAIL);
        shopper.open("/portal/returns/" + requested.returnId());

        Path notAPicture = Files.writeString(files.resolve("damage.png"), "#!/bin/sh\necho not a picture\n",
                StandardCharsets.US_ASCII);
        upload(shopper, notAPicture);
        assertThat(shopper.text(By.id("photo-problem"))).contains("not a photo we can take");
        assertThat(photos.list(requested.returnId())).isEmpty();

        Path picture = files.resolve("scratch.jpg"); // a PNG, whatever the name says: the bytes decide
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        image.setRGB(5, 5, 0xFF0000);
        ImageIO.write(image, "png", picture.toFile());
        upload(shopper, picture);
        assertThat(shopper.text(By.id("photo-added"))).contains("your photo was added");
        assertThat(photos.list(requested.returnId())).singleElement()
                .satisfies(photo -> assertThat(photo.contentType()).isEqualTo("image/png"));
        String photoId = photos.list(requested.returnId()).get(0).photoId();
        assertThat(shopper.get("/portal/returns/" + requested.returnId() + "/photos/" + photoId).status())
                .isEqualTo(200);

        // staff find it from the return's page in the console
        agent.open("/console/returns/" + requested.returnId());
        agent.find(By.cssSelector("#return-photos a[href$='/photos']")).click();
        agent.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#customer-photos img")));
        assertThat(agent.get("/console/returns/" + requested.returnId() + "/photos/" + photoId).status())
                .isEqualTo(200);
    }

    @Test
    void another_customer_cannot_see_or_add_photos(ConsoleBrowser stranger, DemoReturns returns) {
        DemoReturns.Requested someoneElses = returns.webReturn(); // CUST-100's
        DemoReturns.Requested own = returns.storeReturn(); // CUST-500's
        PortalShopping.guestLooksUp(stranger, own.orderId(), "rosa.diaz@example.com");

        assertThat(stranger.postWithCsrf("/portal/returns/" + someoneElses.returnId() + "/photos").status())
                .isEqualTo(404);
        assertThat(photos.list(someoneElses.returnId())).isEmpty();
    }

    private static void upload(ConsoleBrowser browser, Path file) {
        browser.find(By.id("photo")).sendKeys(file.toAbsolutePath().toString());
        var send = browser.find(By.cssSelector("#photo-upload button[type=submit]"));
        send.click();
        browser.waitUntil(ExpectedConditions.stalenessOf(send));
        browser.waitUntil(driver -> !driver.findElements(By.id("photo-problem")).isEmpty()
                || !driver.findElements(By.id("photo-added")).isEmpty());
    }
}
