package org.iopcare.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The layout of the folder that holds everything a local run keeps between starts: broker and
 * database data, generated secrets and keys, logs, class-data archives and the pid file.
 */
final class DataFolder {

    private final Path root;

    DataFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path kafka() {
        return root.resolve("kafka");
    }

    Path kafkaData() {
        return kafka().resolve("data");
    }

    Path postgres() {
        return root.resolve("postgres");
    }

    Path secrets() {
        return root.resolve("secrets");
    }

    Path keys() {
        return root.resolve("keys");
    }

    Path logs() {
        return root.resolve("logs");
    }

    Path log(String component) {
        return logs().resolve(component + ".log");
    }

    /** Extracted service jars: class-data sharing only works for classes read from plain jars. */
    Path apps() {
        return root.resolve("apps");
    }

    Path cds() {
        return root.resolve("cds");
    }

    Path pidFile() {
        return root.resolve("run.pids");
    }

    void create() {
        try {
            for (Path dir : new Path[] {root, kafka(), kafkaData(), secrets(), keys(), logs(), apps(), cds()}) {
                Files.createDirectories(dir);
            }
            FilePermissions.ownerOnly(secrets());
            FilePermissions.ownerOnly(keys());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + root, e);
        }
    }

    /** Removes the whole folder ({@code --fresh}); the caller has stopped everything that used it. */
    void delete() {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the data folder " + root, e);
        }
    }
}
