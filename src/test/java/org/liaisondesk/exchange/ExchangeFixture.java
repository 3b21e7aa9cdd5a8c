package org.liaisondesk.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagSource;

/** Station and general-station databases in a temporary folder, opinions to fill them, and batch surgery. */
final class ExchangeFixture {

    static final String STATION = "GS-007";

    private ExchangeFixture() {
    }

    static AppContext station(Path dir) {
        AppContext ctx = AppContext.open(dir.resolve("station.db"), Messages.forLanguage("en"));
        ctx.stations().initialize(STATION, "西湖区联络站", StationMode.STATION, "test");
        return ctx;
    }

    static AppContext general(Path dir) {
        AppContext ctx = AppContext.open(dir.resolve("general.db"), Messages.forLanguage("en"));
        ctx.stations().initialize("HZ-000", "杭州市人大代表联络总站", StationMode.GENERAL, "test");
        return ctx;
    }

    /** {@code n} opinions; opinion i has primary area i % 7 (0: none) and a secondary area for every third. */
    static void addOpinions(AppContext ctx, int n) {
        List<Opinion> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(opinion(i));
            if (drafts.size() == 5000) {
                ctx.opinions().createAll(drafts, "test");
                drafts.clear();
            }
        }
        ctx.opinions().createAll(drafts, "test");
    }

    static Opinion opinion(int i) {
        List<AreaTag> tags = new ArrayList<>();
        int area = i % 7;
        if (area > 0) {
            tags.add(new AreaTag(area, area + ".0" + (i % 3 + 1), "报告条款" + area, true, 0.9, TagSource.AUTO, null,
                    "2023-report"));
            if (i % 3 == 0) {
                int second = area % 6 + 1;
                tags.add(new AreaTag(second, null, null, false, 0.4, TagSource.CLERK, "王书记", "2023-report"));
            }
        }
        Instant at = Instant.parse("2023-05-01T01:30:00Z").plusSeconds(i * 60L);
        Constituent who = i % 2 == 0 ? new Constituent("张三" + i, "1380000" + (1000 + i % 9000), "西湖区文三路 " + i
                + " 号", i % 4 == 0) : Constituent.ANONYMOUS;
        return new Opinion(UUID.randomUUID(), null, STATION, LocalDateTime.of(2023, 5, 1, 9, 30).plusMinutes(i),
                Channel.values()[i % Channel.values().length], who, "李接待",
                "第" + i + "条:建议在小区增设电动车充电桩,解决\"飞线充电\"隐患;\n另外路灯也需要维修。", tags,
                Status.RECORDED, at, at, 1, false);
    }

    /** What a rejected import must leave untouched. */
    record Fingerprint(Object stats, long allRows, List<BatchRecord> batches, int conflicts) {
    }

    static Fingerprint fingerprint(AppContext ctx) {
        return new Fingerprint(ctx.opinions().stats(),
                ctx.opinions().count(OpinionFilter.ALL) + ctx.opinions().count(OpinionFilter.ALL.withDeleted(true)),
                ctx.imports().history(1000), ctx.imports().openConflicts(1000).size());
    }

    static ObjectNode readWhole(Path batch) throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(batch.toFile());
    }

    /**
     * Changes a batch and signs it again (recomputed checksum and counts), so the check under test is the one that
     * fires, not the checksum.
     */
    static Path rewrite(Path batch, Path to, Consumer<ObjectNode> change) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = readWhole(batch);
        change.accept(doc);
        Canonical canonical = new Canonical(json);
        MessageDigest digest = Canonical.sha256();
        canonical.update(digest, doc.get("header"));
        for (JsonNode o : doc.get("opinions")) {
            canonical.update(digest, o);
        }
        ObjectNode trailer = (ObjectNode) doc.get("trailer");
        trailer.put("count", doc.get("opinions").size());
        trailer.put("sha256", Canonical.hex(digest.digest()));
        Files.write(to, json.writeValueAsBytes(doc));
        return to;
    }

    static ObjectNode firstOpinion(ObjectNode doc) {
        return (ObjectNode) ((ArrayNode) doc.get("opinions")).get(0);
    }

    static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
