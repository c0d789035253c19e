package org.iopcare.events.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of an event record, read from its source file: the summary and one {@code @param}
 * text per component. The contract is written once, in code, and flows into the schemas and the
 * documentation from there.
 */
record RecordDocs(String summary, Map<String, String> params) {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|literal) ([^}]*)}");
    private static final Pattern PARAM = Pattern.compile("^@param\\s+(\\w+)\\s+(.*)$", Pattern.DOTALL);

    /** The docs of a top-level record; empty when its source is not in this module (test records). */
    static RecordDocs of(Class<?> type) {
        Path source = SOURCES.resolve(type.getName().replace('.', '/') + ".java");
        if (type.getEnclosingClass() != null || !Files.exists(source)) {
            return new RecordDocs("", Map.of());
        }
        String code = CatalogueFiles.readString(source);
        int declaration = code.indexOf("record " + type.getSimpleName() + "(");
        int start = code.lastIndexOf("/**", declaration);
        int end = code.indexOf("*/", start);
        if (declaration < 0 || start < 0 || end > declaration) {
            return new RecordDocs("", Map.of());
        }
        return parse(code.substring(start + 3, end));
    }

    private static RecordDocs parse(String comment) {
        StringBuilder summary = new StringBuilder();
        Map<String, String> params = new LinkedHashMap<>();
        StringBuilder tag = null;
        for (String rawLine : comment.split("\n")) {
            String line = rawLine.strip().replaceFirst("^\\*\\s?", "").strip();
            if (line.startsWith("@")) {
                addParam(tag, params);
                tag = new StringBuilder(line);
            } else if (tag != null) {
                tag.append(' ').append(line);
            } else {
                summary.append(' ').append(line);
            }
        }
        addParam(tag, params);
        return new RecordDocs(clean(summary.toString()), params);
    }

    private static void addParam(StringBuilder tag, Map<String, String> params) {
        if (tag == null) {
            return;
        }
        Matcher param = PARAM.matcher(tag.toString());
        if (param.matches()) {
            params.put(param.group(1), clean(param.group(2)));
        }
    }

    private static String clean(String text) {
        return INLINE_TAG
                .matcher(text.replace("<p>", " "))
                .replaceAll("$1")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
