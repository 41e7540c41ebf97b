package io.omnireturns.api.catalogue;

import org.axonframework.serialization.Revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code docs/event-catalogue.md} from the event records themselves: every record with a {@link Revision} in
 * the contract, its revision, its fields with their types, its {@link EventMeaning}, and the value types the
 * events carry. {@code main} (or {@code -Devent-catalogue.write=true} on {@link EventCatalogueTest}) rewrites the
 * committed file.
 */
public final class EventCatalogue {

    /** Headings of the packages known to hold events; any other package with revisioned records is listed too. */
    private static final Map<String, String> HEADINGS = Map.of(
            "io.omnireturns.api.returns.event", "Return events (ReturnAggregate)",
            "io.omnireturns.api.ledger", "Order ledger events (OrderLedgerAggregate)");

    private static final String CONTRACT_ROOT = "io.omnireturns.api";

    static final String REGENERATE = "mvn -B -pl shared-api test -Dtest=EventCatalogueTest -Devent-catalogue.write=true";

    private EventCatalogue() {
    }

    public static void main(String[] args) throws IOException {
        Path target = args.length > 0 ? Path.of(args[0]) : committedFile();
        Files.writeString(target, render(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target.toAbsolutePath().normalize());
    }

    /** {@code docs/event-catalogue.md} at the root of the checkout, found from the module's working directory. */
    static Path committedFile() {
        return CheckoutDocs.file("event-catalogue.md");
    }

    static String render() {
        StringBuilder out = new StringBuilder();
        out.append("# Event catalogue\n\n")
                .append("Every event the service stores, as it is stored now: its revision, its fields and what it means.\n")
                .append("Generated from the records in `shared-api` (meanings from `@EventMeaning`); do not edit by hand.\n")
                .append("`EventCatalogueTest` fails when this file and the code disagree; regenerate it with\n\n")
                .append("```bash\n").append(REGENERATE).append("\n```\n\n")
                .append("Events stored in an older revision are upcast when read (see\n")
                .append("[operations-metrics-and-contract.md](operations-metrics-and-contract.md#event-schema-evolution)).\n")
                .append("Types are Java types as serialized by Jackson: `Money` is `{\"minor\": long, \"currency\": ISO 4217}`,\n")
                .append("`Instant` an ISO-8601 string, enums their names.\n")
                .append("These are internal: other systems are told of returns through the public contract of\n")
                .append("[integration-events.md](integration-events.md), translated from these events.\n\n");

        Set<Class<?>> valueTypes = new LinkedHashSet<>();
        Map<String, List<Class<?>>> byPackage = events();
        List<Class<?>> all = byPackage.values().stream().flatMap(List::stream).toList();
        out.append("| event | revision | meaning |\n|---|---|---|\n");
        for (Class<?> event : all) {
            out.append("| [").append(event.getSimpleName()).append("](#").append(event.getSimpleName().toLowerCase())
                    .append(") | ").append(revision(event)).append(" | ").append(meaning(event).value()).append(" |\n");
        }
        for (Map.Entry<String, List<Class<?>>> eventPackage : byPackage.entrySet()) {
            out.append("\n## ").append(HEADINGS.getOrDefault(eventPackage.getKey(), "Events"))
                    .append("\n\nPackage `").append(eventPackage.getKey()).append("`.\n");
            for (Class<?> event : eventPackage.getValue()) {
                out.append("\n### ").append(event.getSimpleName()).append("\n\n")
                        .append(meaning(event).value()).append("\n\n")
                        .append("Revision ").append(revision(event)).append(".");
                for (String change : meaning(event).revisions()) {
                    out.append(" Changed in revision ").append(change).append(".");
                }
                out.append("\n\n| field | type |\n|---|---|\n");
                for (RecordComponent component : event.getRecordComponents()) {
                    out.append("| `").append(component.getName()).append("` | `")
                            .append(typeName(component.getGenericType())).append("` |\n");
                    collectValueTypes(component.getGenericType(), valueTypes);
                }
            }
        }
        out.append("\n## Value types carried by events\n");
        valueTypes.stream().sorted(Comparator.comparing(Class::getSimpleName)).forEach(type -> {
            out.append("\n### ").append(type.getSimpleName()).append("\n\n`").append(type.getName()).append("`");
            if (type.isEnum()) {
                out.append(", one of: ").append(Arrays.stream(type.getEnumConstants())
                        .map(constant -> "`" + ((Enum<?>) constant).name() + "`")
                        .collect(Collectors.joining(", "))).append("\n");
            } else {
                out.append("\n\n| field | type |\n|---|---|\n");
                for (RecordComponent component : type.getRecordComponents()) {
                    out.append("| `").append(component.getName()).append("` | `")
                            .append(typeName(component.getGenericType())).append("` |\n");
                }
            }
        });
        return out.toString();
    }

    /**
     * Every stored event of the contract: the records with a {@link Revision} anywhere under {@code io.omnireturns.api},
     * by package (the two aggregates' packages first), then by name.
     */
    public static Map<String, List<Class<?>>> events() {
        Map<String, List<Class<?>>> byPackage = new TreeMap<>(Comparator
                .comparing((String name) -> !HEADINGS.containsKey(name))
                .thenComparing(name -> name.endsWith(".ledger"))
                .thenComparing(Comparator.naturalOrder()));
        Set<Class<?>> seen = new LinkedHashSet<>();
        try {
            // main and test classes both hold io/omnireturns/api: walk every folder of that name
            for (URL url : Collections.list(EventCatalogue.class.getClassLoader()
                    .getResources(CONTRACT_ROOT.replace('.', '/')))) {
                if (!"file".equals(url.getProtocol())) {
                    throw new IllegalStateException(CONTRACT_ROOT + " is not a folder on the class path: " + url);
                }
                Path root = Path.of(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(file -> file.toString().endsWith(".class")
                                    && !file.getFileName().toString().contains("$"))
                            .map(file -> CONTRACT_ROOT + "." + root.relativize(file).toString()
                                    .replace(file.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", ""))
                            .map(EventCatalogue::load)
                            .filter(type -> type.isRecord() && type.isAnnotationPresent(Revision.class))
                            .filter(seen::add)
                            .forEach(type -> byPackage.computeIfAbsent(type.getPackageName(), name -> new ArrayList<>())
                                    .add(type));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        byPackage.values().forEach(events -> events.sort(Comparator.comparing(Class::getSimpleName)));
        return byPackage;
    }

    static String revision(Class<?> event) {
        return event.getAnnotation(Revision.class).value();
    }

    static EventMeaning meaning(Class<?> event) {
        EventMeaning meaning = event.getAnnotation(EventMeaning.class);
        if (meaning == null) {
            throw new IllegalStateException(event.getName() + " is a stored event without @EventMeaning");
        }
        return meaning;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String typeName(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.getSimpleName();
        }
        if (type instanceof ParameterizedType generic) {
            return ((Class<?>) generic.getRawType()).getSimpleName() + Arrays.stream(generic.getActualTypeArguments())
                    .map(EventCatalogue::typeName).collect(Collectors.joining(", ", "<", ">"));
        }
        return type.getTypeName();
    }

    /** Records and enums of the contract reachable from a field, so a reader sees every nested shape once. */
    private static void collectValueTypes(Type type, Set<Class<?>> found) {
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                collectValueTypes(argument, found);
            }
            return;
        }
        if (!(type instanceof Class<?> plain) || !plain.getName().startsWith("io.omnireturns.api.")
                || !(plain.isRecord() || plain.isEnum()) || !found.add(plain)) {
            return;
        }
        if (plain.isRecord()) {
            for (RecordComponent component : plain.getRecordComponents()) {
                collectValueTypes(component.getGenericType(), found);
            }
        }
    }
}
