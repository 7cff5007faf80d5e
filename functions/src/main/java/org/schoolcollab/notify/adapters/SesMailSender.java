package org.schoolcollab.notify.adapters;

import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.MailSender;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.nio.charset.StandardCharsets;

/** Mail through SES v2, in UTF-8, in the configuration set when one is named. */
public final class SesMailSender implements MailSender {
    private final SesV2Client ses;
    private final String from;
    private final String configurationSet;

    public SesMailSender(SesV2Client ses, String from, String configurationSet) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet;
    }

    @Override
    public String send(Mail mail) {
        String charset = StandardCharsets.UTF_8.name();
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(from)
                .destination(d -> d.toAddresses(mail.to()))
                .content(c -> c.simple(m -> m
                        .subject(s -> s.data(mail.subject()).charset(charset))
                        .body(b -> b.text(t -> t.data(mail.text()).charset(charset)))));
        if (configurationSet != null) {
            request.configurationSetName(configurationSet);
        }
        return ses.sendEmail(request.build()).messageId();
    }
}
