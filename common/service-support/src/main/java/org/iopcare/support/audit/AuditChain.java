package org.iopcare.support.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Recomputes the service's audit chain in the database and reports the first broken link. Every
 * row must follow its predecessor in {@code chain_seq} without a gap, carry the predecessor's hash
 * as {@code prev_hash}, and hash to its own {@code hash} (see the V6 support migration). An edited
 * row fails its own hash; a removed row leaves a gap; a row whose hash was recomputed after an edit
 * breaks its successor's link. One statement, so one consistent snapshot: rows are committed in
 * chain order, and a snapshot never holds a row without its predecessor.
 */
public class AuditChain {

    private static final String VERIFY = """
            WITH chain AS (
                SELECT a.id, a.chain_seq, a.prev_hash, a.hash,
                       lag(a.chain_seq) OVER w AS before_seq,
                       lag(a.hash) OVER w AS before_hash,
                       audit_log_hash(a.prev_hash, a) AS recomputed
                FROM audit_log a
                WINDOW w AS (ORDER BY a.chain_seq)),
            checked AS (
                SELECT id, chain_seq, hash,
                       CASE WHEN chain_seq IS NULL OR chain_seq <> coalesce(before_seq, 0) + 1 THEN 'GAP'
                            WHEN prev_hash IS DISTINCT FROM coalesce(before_hash, repeat('0', 64))
                                THEN 'PREVIOUS_HASH_MISMATCH'
                            WHEN hash IS DISTINCT FROM recomputed THEN 'HASH_MISMATCH'
                       END AS problem
                FROM chain)
            SELECT (SELECT count(*) FROM checked) AS total,
                   last.chain_seq AS last_seq, last.hash AS last_hash,
                   broken.id, broken.chain_seq, broken.problem
            FROM (SELECT 1) AS one
            LEFT JOIN (SELECT chain_seq, hash FROM checked ORDER BY chain_seq DESC LIMIT 1) AS last ON true
            LEFT JOIN (SELECT id, chain_seq, problem FROM checked WHERE problem IS NOT NULL
                       ORDER BY chain_seq LIMIT 1) AS broken ON true
            """;

    private final JdbcTemplate jdbc;

    public AuditChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Why a link of the chain is broken. */
    public enum Problem {
        /** The row does not follow its predecessor's {@code chain_seq}: rows before it are missing. */
        GAP,
        /** The row's {@code prev_hash} is not its predecessor's hash: the predecessor was replaced. */
        PREVIOUS_HASH_MISMATCH,
        /** The row's content does not hash to its {@code hash}: the row was changed. */
        HASH_MISMATCH
    }

    /**
     * The first broken link, in chain order.
     *
     * @param id the row's id
     * @param chainSeq the row's place in the chain
     * @param problem what is wrong with it
     */
    public record BrokenLink(long id, long chainSeq, Problem problem) {}

    /**
     * The newest row of the chain: an operator who records it elsewhere can later tell that the
     * chain up to it is the one they saw.
     *
     * @param chainSeq its place in the chain
     * @param hash its hash
     */
    public record Head(long chainSeq, String hash) {}

    /**
     * The outcome of a verification.
     *
     * @param intact whether every link holds
     * @param rows how many rows the chain has
     * @param firstBroken the first broken link, or null when intact
     * @param head the newest row, or null when the trail is empty
     */
    public record Verification(boolean intact, long rows, BrokenLink firstBroken, Head head) {}

    public Verification verify() {
        return jdbc.queryForObject(VERIFY, (rs, n) -> {
            String problem = rs.getString("problem");
            BrokenLink broken = problem == null
                    ? null
                    : new BrokenLink(rs.getLong("id"), rs.getLong("chain_seq"), Problem.valueOf(problem));
            String lastHash = rs.getString("last_hash");
            Head head = lastHash == null ? null : new Head(rs.getLong("last_seq"), lastHash);
            return new Verification(broken == null, rs.getLong("total"), broken, head);
        });
    }
}
