package org.liaisondesk.service;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.model.Station;
import org.liaisondesk.store.AuditRepository;
import org.liaisondesk.store.StoreException;
import org.liaisondesk.store.Maintenance;
import org.liaisondesk.store.OwnerOnly;
import org.liaisondesk.store.SettingsRepository;

/**
 * Consistent copies of the database: on request ({@code backup --out}), once a day and at exit into this database's
 * own backup folder (setting {@value #FOLDER_SETTING}, default {@code backups/<database name>} beside the database),
 * keeping the newest {@value #KEEP_SETTING} (default {@value #DEFAULT_KEEP}). Automatic backups are named after the
 * station and the time ({@code GS-007_2026-12-05_183012-345-daily.db}); every copy is verified before it counts, and
 * a failed copy leaves no file behind. Restoring verifies the offered backup first, refuses one of another station or
 * mode unless the restore is confirmed as a migration, and saves the current state before replacing it.
 */
public final class BackupService {

    public static final String FOLDER_SETTING = "backup.folder";
    public static final String KEEP_SETTING = "backup.keep";
    public static final int DEFAULT_KEEP = 10;
    /** The message key of a refused restore across stations: the window asks whether to migrate. */
    public static final String OTHER_STATION = "restore.error.otherStation";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss-SSS");
    /** {@code CODE_yyyy-MM-dd_HHmmss-SSS-kind.db}: the station code, the date and time, the kind. */
    private static final Pattern NAMED = Pattern.compile(
            "(.+)_(\\d{4}-\\d{2}-\\d{2})_\\d{6}-\\d{3}-(daily|exit|manual|before-restore)\\.db");
    /** Backups made before they carried the station: listed only when their own station table says they are ours. */
    private static final Pattern LEGACY = Pattern.compile(
            "liaison-desk-(\\d{4})(\\d{2})(\\d{2})-\\d{6}-\\d{3}-(daily|exit|manual|before-restore)\\.db");

    private final Maintenance maintenance;
    private final SettingsRepository settings;
    private final AuditRepository audit;
    /** How long a finished backup's audit entry waits for a long import to let go of the write lock. */
    static final Duration AUDIT_PATIENCE = Duration.ofMinutes(15);
    private final StationService stations;
    private final Path databaseFile;
    private final Clock clock;

    public BackupService(Maintenance maintenance, SettingsRepository settings, AuditRepository audit,
                         StationService stations, Path databaseFile, Clock clock) {
        this.maintenance = maintenance;
        this.settings = settings;
        this.audit = audit;
        this.stations = stations;
        this.databaseFile = databaseFile.toAbsolutePath();
        this.clock = clock;
    }

    /**
     * Writes a verified copy to {@code target}. An existing file is replaced only with {@code overwrite}; the live
     * database itself never is.
     */
    public Path backupTo(Path target, boolean overwrite, String actor) {
        Path out = target.toAbsolutePath().normalize();
        if (Files.isDirectory(out)) {
            throw new UserFacingException("backup.error.isFolder", out);
        }
        if (isDatabaseFile(out)) {
            throw new UserFacingException("backup.error.sameFile", out);
        }
        if (Files.exists(out) && !overwrite) {
            throw new UserFacingException("backup.error.exists", out);
        }
        writeVerified(out);
        recordPatiently(() -> audit.record(actor, "backup", null, out.toString()));
        return out;
    }

    /**
     * A long import holds the write lock for minutes, longer than any write normally waits. The copy is already made
     * and verified, so its audit entry waits for the lock (up to {@link #AUDIT_PATIENCE}) instead of failing the
     * backup that the documentation calls safe while the program runs.
     */
    private static void recordPatiently(Runnable record) {
        long giveUp = System.nanoTime() + AUDIT_PATIENCE.toNanos();
        while (true) {
            try {
                record.run();
                return;
            } catch (StoreException e) {
                if (!"store.error.locked".equals(e.messageKey()) || System.nanoTime() > giveUp) {
                    throw e;
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The daily backup, unless one was already made today; call at start-up and now and then. */
    public Optional<Path> dailyIfDue(String actor) {
        String today = LocalDate.now(clock).toString();
        boolean done = backups().stream().map(p -> NAMED.matcher(p.getFileName().toString()))
                .anyMatch(m -> m.matches() && m.group(2).equals(today) && m.group(3).equals("daily"));
        return done ? Optional.empty() : Optional.of(automatic("daily", actor));
    }

    /** The backup at exit; the window calls it when it closes (in the background, before the database closes). */
    public Path atExit(String actor) {
        return automatic("exit", actor);
    }

    /** "立即备份" in the window: a backup into the folder now, listed and pruned with the automatic ones. */
    public Path now(String actor) {
        return automatic("manual", actor);
    }

    /**
     * This database's backups in its folder, newest first: those named after its station, and older unnamed ones
     * (also in the shared {@code backups} folder older versions used) whose own station table holds this identity. Another database's backups are never listed (so never offered).
     */
    public List<Path> backups() {
        List<Path> candidates = listFolder(folder());
        if (settings.get(FOLDER_SETTING).isEmpty()) {
            candidates.addAll(listFolder(databaseFile.resolveSibling("backups"))); // where older versions wrote them
        }
        List<Path> found = new ArrayList<>();
        Optional<Station> identity = identity();
        // A database too damaged to say who it is still finds the backups in its own folder.
        String code = identity == null ? null : identity.map(Station::code).orElse(StationService.PROVISIONAL_CODE);
        for (Path p : candidates) {
            String name = p.getFileName().toString();
            Matcher named = NAMED.matcher(name);
            if (named.matches() ? code == null || named.group(1).equals(code)
                    : LEGACY.matcher(name).matches() && Maintenance.identityOf(p).equals(identity)) {
                found.add(p);
            }
        }
        found.sort(Comparator.comparing(BackupService::madeAt).reversed());
        return found;
    }

    private static List<Path> listFolder(Path folder) {
        List<Path> all = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return all;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.db")) {
            files.forEach(all::add);
        } catch (IOException e) {
            throw new UserFacingException("backup.error.folder", e, folder);
        }
        return all;
    }

    /** Sortable time of an automatic backup from its name ({@code yyyy-MM-dd_HHmmss-SSS}), both naming schemes. */
    private static String madeAt(Path p) {
        String name = p.getFileName().toString();
        Matcher legacy = LEGACY.matcher(name);
        if (legacy.matches()) {
            return legacy.group(1) + "-" + legacy.group(2) + "-" + legacy.group(3) + "_"
                    + name.substring("liaison-desk-yyyyMMdd-".length(), "liaison-desk-yyyyMMdd-HHmmss-SSS".length());
        }
        Matcher named = NAMED.matcher(name);
        return named.matches() ? name.substring(named.group(1).length() + 1, named.group(1).length() + 1
                + "yyyy-MM-dd_HHmmss-SSS".length()) : name;
    }

    public Path folder() {
        return settings.get(FOLDER_SETTING).map(Path::of).orElseGet(this::defaultFolder).toAbsolutePath();
    }

    /**
     * {@code backups/<database file name without .db>} beside the database: each database its own folder, so two
     * databases in one folder (a station's and the general station's) never see each other's backups.
     */
    private Path defaultFolder() {
        String name = databaseFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".db") ? name.substring(0, name.length() - 3) : name;
        return databaseFile.resolveSibling("backups").resolve(stem.isEmpty() ? "database" : stem);
    }

    public int keep() {
        return settings.get(KEEP_SETTING).map(Integer::parseInt).orElse(DEFAULT_KEEP);
    }

    public void setFolder(Path folder, String actor) {
        settings.put(FOLDER_SETTING, folder.toAbsolutePath().toString());
        audit.record(actor, "setting", null, FOLDER_SETTING + "=" + folder.toAbsolutePath());
    }

    public void setKeep(int count, String actor) {
        if (count < 1) {
            throw new UserFacingException("backup.error.keep", count);
        }
        settings.put(KEEP_SETTING, Integer.toString(count));
        audit.record(actor, "setting", null, KEEP_SETTING + "=" + count);
    }

    /**
     * Replaces the database with {@code source} after verifying it; the current state is first saved as a
     * "before-restore" backup, whose path is returned. A backup that fails verification changes nothing, and so does
     * one of another station or mode (its own station table says so) unless {@code migrate} confirms that this
     * database is to become that station. The window should reopen its screens afterwards (cached data belongs to
     * the old state).
     */
    public Path restore(Path source, String actor, boolean migrate) {
        Path from = source.toAbsolutePath().normalize();
        if (!Files.isRegularFile(from)) {
            throw new UserFacingException("restore.error.notFound", from);
        }
        if (isDatabaseFile(from)) {
            throw new UserFacingException("restore.error.sameFile", from);
        }
        List<HealthIssue> issues = Maintenance.verifyCopy(from, false);
        if (!issues.isEmpty()) {
            throw new HealthException("restore.error.badBackup", issues, from);
        }
        Optional<Station> current = Optional.ofNullable(identity()).orElse(Optional.empty());
        Optional<Station> offered = Maintenance.identityOf(from);
        boolean crossing = current.isPresent() && !sameIdentity(current.get(), offered.orElse(null));
        if (crossing && !migrate) {
            throw new UserFacingException(OTHER_STATION, from, describe(offered), describe(current));
        }
        Path saved = saveBeforeRestore(actor);
        maintenance.restoreFrom(from);
        Optional<Station> now = stations.reload();
        audit.record(actor, "backup-restore", null, from + "; previous state saved as " + saved
                + (crossing ? "; migrated from " + describe(current) + " to " + describe(now) : ""));
        return saved;
    }

    /** Restores without crossing stations (see {@link #restore(Path, String, boolean)}). */
    public Path restore(Path source, String actor) {
        return restore(source, actor, false);
    }

    /** This database's identity, empty before set-up, null when the database is too damaged to say. */
    private Optional<Station> identity() {
        try {
            return stations.current();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The code in backup names: the station's, the provisional one before set-up (or when it cannot be read). */
    private String code() {
        Optional<Station> id = identity();
        return id == null ? StationService.PROVISIONAL_CODE
                : id.map(Station::code).orElse(StationService.PROVISIONAL_CODE);
    }

    private static boolean sameIdentity(Station a, Station b) {
        return b != null && a.code().equals(b.code()) && a.mode() == b.mode();
    }

    private static String describe(Optional<Station> s) {
        return s.map(x -> x.code() + " (" + x.mode().code() + ")").orElse("-");
    }

    /**
     * The current state, kept before a restore replaces it. A database too damaged to copy cleanly (the usual
     * reason for restoring) is kept as the raw file instead, under a name pruning never touches.
     */
    private Path saveBeforeRestore(String actor) {
        try {
            return automatic("before-restore", actor);
        } catch (UserFacingException e) {
            Path raw = folder().resolve(code() + "_" + LocalDateTime.now(clock).format(STAMP)
                    + "-damaged.db");
            try {
                createFolder(raw.getParent());
                maintenance.rawCopyTo(raw);
                ownerOnly(raw);
            } catch (IOException io) {
                throw new UserFacingException("backup.error.io", io, raw, String.valueOf(io.getMessage()));
            } catch (RuntimeException copy) {
                throw new UserFacingException("backup.error.copy", copy, raw, rootMessage(copy));
            }
            audit.record(actor, "backup", null, raw + " (raw copy of a damaged database)");
            return raw;
        }
    }

    private Path automatic(String kind, String actor) {
        Path folder = folder();
        Path target = folder.resolve(code() + "_" + LocalDateTime.now(clock).format(STAMP)
                + "-" + kind + ".db");
        Path made = backupTo(target, false, actor);
        prune();
        return made;
    }

    /** Keeps the newest {@link #keep()} automatic backups; other files in the folder are never touched. */
    private void prune() {
        List<Path> all = backups();
        for (Path old : all.subList(Math.min(keep(), all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new UserFacingException("backup.error.folder", e, old.getParent());
            }
        }
    }

    /** Copy to a temporary file beside the target, verify, restrict to the owner, then move into place. */
    private void writeVerified(Path target) {
        Path parent = target.getParent();
        try {
            createFolder(parent);
        } catch (IOException e) {
            throw new UserFacingException("backup.error.unwritable", e, target);
        }
        if (!Files.isWritable(parent)) {
            throw new UserFacingException("backup.error.unwritable", target);
        }
        Path temp = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try {
                maintenance.copyTo(temp);
            } catch (RuntimeException e) {
                throw new UserFacingException("backup.error.copy", e, target, rootMessage(e));
            }
            List<HealthIssue> issues = Maintenance.verifyCopy(temp, true);
            if (!issues.isEmpty()) {
                throw new HealthException("backup.error.verify", issues, target);
            }
            ownerOnly(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AccessDeniedException e) {
            throw new UserFacingException("backup.error.unwritable", e, target);
        } catch (IOException e) {
            throw new UserFacingException("backup.error.io", e, target, String.valueOf(e.getMessage()));
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Backups hold residents' personal details: a new folder is made owner-only, and the program's own backup folders
     * ({@code backups/} and the one per database in it) are tightened if an older version made them readable to all.
     */
    private void createFolder(Path folder) throws IOException {
        OwnerOnly.createDirectories(folder);
        Path ours = defaultFolder().toAbsolutePath();
        if (folder.toAbsolutePath().equals(ours)) {
            OwnerOnly.tighten(ours.getParent());
            OwnerOnly.tighten(ours);
        }
    }

    /** The copy holds residents' personal details: only the owner may read it, where the file system says so. */
    private static void ownerOnly(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rw-------"));
        }
    }

    private boolean isDatabaseFile(Path p) {
        try {
            return p.equals(databaseFile) || Files.exists(p) && Files.isSameFile(p, databaseFile);
        } catch (IOException e) {
            return false;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless; it never has a backup's name
        }
    }
}
