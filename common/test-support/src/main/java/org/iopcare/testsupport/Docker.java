package org.iopcare.testsupport;

import org.testcontainers.DockerClientFactory;

final class Docker {

    private Docker() {}

    static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
