package org.iopcare.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the proofs assert: the events intake committed (its database) against what a consumer finds
 * on the topics. A duplicate (the same event id again) is allowed, the outbox is at-least-once by
 * design; a lost event, an event nobody committed, or two events of one key in the wrong order is
 * not.
 *
 * @param committed events in the database
 * @param records records on the topics
 * @param delivered committed events found on the topics at least once
 * @param lost committed events not found on the topics (a sample of at most 5 in {@code lostSample})
 * @param phantoms records whose event is not in the database (a rolled-back change that leaked)
 * @param duplicates records beyond the first with the same event id
 * @param reissued events found under more than one event id (published twice as new events)
 * @param outOfOrderPairs pairs of events of one key whose first arrivals contradict commit order
 * @param keys record keys seen
 * @param splitKeys keys found on more than one partition of a topic
 */
record DeliveryCheck(
        long committed,
        long records,
        long delivered,
        long lost,
        List<String> lostSample,
        long phantoms,
        long duplicates,
        long reissued,
        long outOfOrderPairs,
        long keys,
        long splitKeys) {

    static DeliveryCheck of(List<IntakeLedger.Committed> committed, List<TopicLog.Delivered> records) {
        Map<String, IntakeLedger.Committed> byIdentity = new HashMap<>();
        committed.forEach(c -> byIdentity.put(c.topic() + " " + c.identity(), c));

        Set<String> eventIds = new HashSet<>();
        Map<String, Set<String>> idsPerIdentity = new HashMap<>();
        long duplicates = 0;
        long phantoms = 0;
        Map<String, List<TopicLog.Delivered>> perKey = new LinkedHashMap<>();
        for (TopicLog.Delivered record : records) {
            if (!eventIds.add(record.topic() + " " + record.eventId())) {
                duplicates++;
                continue;
            }
            String identity = record.topic() + " " + record.identity();
            idsPerIdentity.computeIfAbsent(identity, i -> new HashSet<>()).add(record.eventId());
            if (!byIdentity.containsKey(identity)) {
                phantoms++;
            }
            perKey.computeIfAbsent(record.topic() + " " + record.key(), k -> new ArrayList<>())
                    .add(record);
        }
        long reissued =
                idsPerIdentity.values().stream().filter(ids -> ids.size() > 1).count();

        List<String> lostSample = new ArrayList<>();
        long lost = 0;
        for (String identity : byIdentity.keySet()) {
            if (!idsPerIdentity.containsKey(identity)) {
                lost++;
                if (lostSample.size() < 5) {
                    lostSample.add(identity);
                }
            }
        }

        long outOfOrder = 0;
        long splitKeys = 0;
        Set<String> keys = new HashSet<>();
        for (List<TopicLog.Delivered> firstArrivals : perKey.values()) {
            keys.add(firstArrivals.get(0).key());
            if (firstArrivals.stream()
                            .map(TopicLog.Delivered::partition)
                            .distinct()
                            .count()
                    > 1) {
                splitKeys++;
            }
            List<TopicLog.Delivered> inLogOrder = new ArrayList<>(firstArrivals);
            inLogOrder.sort(Comparator.comparingInt(TopicLog.Delivered::partition)
                    .thenComparingLong(TopicLog.Delivered::offset));
            for (int i = 0; i < inLogOrder.size(); i++) {
                IntakeLedger.Committed earlier = byIdentity.get(
                        inLogOrder.get(i).topic() + " " + inLogOrder.get(i).identity());
                for (int j = i + 1; j < inLogOrder.size(); j++) {
                    IntakeLedger.Committed later = byIdentity.get(
                            inLogOrder.get(j).topic() + " " + inLogOrder.get(j).identity());
                    if (earlier != null && later != null && later.at().isBefore(earlier.at())) {
                        outOfOrder++;
                    }
                }
            }
        }
        return new DeliveryCheck(
                committed.size(),
                records.size(),
                committed.size() - lost,
                lost,
                lostSample,
                phantoms,
                duplicates,
                reissued,
                outOfOrder,
                keys.size(),
                splitKeys);
    }
}
