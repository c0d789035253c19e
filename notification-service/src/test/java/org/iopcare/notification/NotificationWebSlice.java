package org.iopcare.notification;

import org.iopcare.notification.delivery.DeliveryReports;
import org.iopcare.notification.delivery.SmsFallbackProperties;
import org.iopcare.notification.delivery.SmsProviderProperties;
import org.iopcare.notification.message.MessageText;
import org.iopcare.notification.message.Messages;
import org.iopcare.notification.optout.OptOutMocks;
import org.iopcare.notification.optout.UnsubscribeLinks;
import org.iopcare.notification.preference.PreferenceMocks;
import org.iopcare.notification.sms.SmsMocks;
import org.iopcare.support.caseload.Caseload;
import org.iopcare.testsupport.WebSliceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The web slice of notification, shared by every controller's slice test so that they run in one
 * Spring context: all controllers but the local run's sandbox, the service's own security (JWT
 * resource server, handler authorization, the public webhook and unsubscribe endpoints), the SMS
 * webhooks' real signature check, the edge rules and problem responses, with the use cases mocked
 * (a package's package-private ones by an interface of that package).
 */
@WebMvcTest(
        includeFilters =
                @ComponentScan.Filter(
                        type = FilterType.REGEX,
                        pattern = "org\\.iopcare\\.notification\\.sms\\.SmsWebhookConfiguration"))
@EnableConfigurationProperties({SmsProviderProperties.class, SmsFallbackProperties.class})
@MockitoBean(
        types = {
            Messages.class,
            MessageText.class,
            UnsubscribeLinks.class,
            DeliveryReports.class,
            Caseload.class,
            JdbcTemplate.class
        })
public abstract class NotificationWebSlice extends WebSliceTest implements OptOutMocks, PreferenceMocks, SmsMocks {

    @Autowired
    protected Caseload caseload;
}
