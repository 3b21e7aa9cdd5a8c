package org.liaisondesk.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.liaisondesk.i18n.UserFacingException;

/**
 * Word documents to PDF with LibreOffice, when it is installed (it is not shipped with the program): {@code soffice
 * --headless --convert-to pdf} with a profile folder of its own (so a LibreOffice the clerk has open is not
 * disturbed and no settings are left behind) and a time limit. Without LibreOffice the caller is told to install it or
 * to use .docx. The system property {@code liaisondesk.soffice} names the program explicitly (an empty value: none).
 */
public final class PdfConverter {

    /** How long a conversion may take; a first start of LibreOffice with a new profile takes a few seconds. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private PdfConverter() {
    }

    /** The LibreOffice program: the property, else {@code soffice} or {@code libreoffice} on PATH, else the usual places. */
    public static Optional<Path> office() {
        String named = System.getProperty("liaisondesk.soffice");
        if (named != null) {
            return named.isBlank() ? Optional.empty()
                    : Optional.of(Path.of(named)).filter(Files::isExecutable);
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        List<Path> candidates = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                for (String name : windows ? List.of("soffice.exe", "soffice.com") : List.of("soffice", "libreoffice")) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        if (windows) {
            for (String env : List.of("ProgramFiles", "ProgramFiles(x86)")) {
                String base = System.getenv(env);
                if (base != null) {
                    candidates.add(Path.of(base, "LibreOffice", "program", "soffice.exe"));
                }
            }
        } else {
            candidates.add(Path.of("/Applications/LibreOffice.app/Contents/MacOS/soffice"));
            candidates.add(Path.of("/opt/libreoffice/program/soffice"));
        }
        return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /** The office program, or the message telling the person to install LibreOffice or use docx. */
    public static Path requireOffice() {
        return office().orElseThrow(() -> new UserFacingException("report.error.noOffice"));
    }

    /** Converts {@code docx} to a PDF in a fresh temporary folder and returns that PDF; the caller moves it. */
    public static Path convert(Path office, Path docx, Path workDir) {
        Path profile = workDir.resolve("profile");
        Path outDir = workDir.resolve("out");
        try {
            Files.createDirectories(profile);
            Files.createDirectories(outDir);
            ProcessBuilder pb = new ProcessBuilder(office.toString(), "--headless", "--norestore", "--nologo",
                    "--nolockcheck", "-env:UserInstallation=" + profile.toUri(), "--convert-to", "pdf",
                    "--outdir", outDir.toString(), docx.toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(workDir.resolve("soffice.log").toFile());
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new UserFacingException("report.error.pdfFailed", "timeout " + TIMEOUT.toSeconds() + " s");
            }
            String name = docx.getFileName().toString().replaceFirst("\\.[^.]*$", "") + ".pdf";
            Path pdf = outDir.resolve(name);
            if (p.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                throw new UserFacingException("report.error.pdfFailed", "exit " + p.exitValue());
            }
            return pdf;
        } catch (IOException e) {
            throw new UserFacingException("report.error.pdfFailed", e, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("report.error.pdfFailed", e, "interrupted");
        }
    }

    /** Deletes a work folder and everything in it, quietly (temporary files only). */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // temporary files; the system cleans its temp folder
        }
    }
}
