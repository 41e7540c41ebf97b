package io.omnireturns.chaos.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM that runs a main class of this harness (from its jar or its classpath). */
final class ChildJvm {

    private ChildJvm() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code java <jvm options> -jar omnireturns-chaos.jar <args>} when the harness runs from its executable jar,
     * else {@code java <jvm options> -cp <classpath> <main> <args>} (from Maven's test classpath).
     */
    static List<String> harnessCommand(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                && classPath.contains("omnireturns-chaos")) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(mainClass);
        }
        command.addAll(args);
        return command;
    }
}
