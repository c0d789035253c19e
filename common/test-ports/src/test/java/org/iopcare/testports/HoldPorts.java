package org.iopcare.testports;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Another test JVM: reserves {@code args[0]} ports walking the candidates from {@code args[1]},
 * prints them on one line and keeps them until its standard input is closed.
 */
public final class HoldPorts {

    private HoldPorts() {}

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        int start = Integer.parseInt(args[1]);
        int[] ports = TestPorts.reserve(count, TestPorts.candidates(EphemeralRange.ofThisMachine()), start);
        System.out.println(Arrays.stream(ports).mapToObj(Integer::toString).collect(Collectors.joining(" ")));
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the parent closes our input
        }
    }
}
