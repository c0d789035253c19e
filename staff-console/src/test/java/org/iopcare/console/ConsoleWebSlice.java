package org.iopcare.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's web slice: its pages, forms and security in front of a mock of {@link ServiceApis},
 * the one way to the services. The console's whole application is its web layer (no store, no
 * broker), so the slice is its application context in the local profile, shared by every test that
 * extends this class, {@link ConsoleSecurityTest} included: one context for all of them. The tests
 * declare no mocks or properties of their own, or the context would be built again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("local")
@MockitoBean(types = ServiceApis.class)
abstract class ConsoleWebSlice {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected ServiceApis apis;

    /** A browser session signed in as this staff member with this role, its token valid for 10 minutes. */
    protected static RequestPostProcessor signedIn(String staffId, String role) {
        return request -> {
            MockHttpSession session = new MockHttpSession();
            session.setAttribute(
                    SignedIn.SESSION_ATTRIBUTE,
                    new SignedIn(
                            staffId,
                            staffId,
                            List.of(role),
                            "token",
                            Instant.now().plusSeconds(600)));
            request.setSession(session);
            return user(staffId).roles(role).postProcessRequest(request);
        };
    }

    /** A service's answer. */
    protected static ServiceApis.Answer answer(String service, int status, Object body) {
        return new ServiceApis.Answer(service, status, body);
    }
}
