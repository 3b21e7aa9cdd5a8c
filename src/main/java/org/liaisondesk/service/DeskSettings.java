package org.liaisondesk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liaisondesk.model.Worker;
import org.liaisondesk.store.SettingsRepository;

/**
 * The desktop window's remembered choices: who is working (and who has worked here before, offered as choices)
 * and the window language.
 */
public final class DeskSettings {

    static final String CURRENT_WORKER = "desk.worker";
    static final String KNOWN_WORKERS = "desk.workers";
    static final String LANGUAGE = "desk.language";
    private static final TypeReference<List<Worker>> WORKER_LIST = new TypeReference<>() {
    };

    private final SettingsRepository settings;
    private final ObjectMapper json;

    public DeskSettings(SettingsRepository settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
    }

    public Optional<Worker> currentWorker() {
        return settings.get(CURRENT_WORKER).flatMap(this::parseWorker);
    }

    /** People who have worked at this window, most recent first. */
    public List<Worker> knownWorkers() {
        return settings.get(KNOWN_WORKERS).flatMap(this::parseWorkers).orElse(List.of());
    }

    /** Makes {@code worker} the current one and puts it first among the known ones. */
    public void chooseWorker(Worker worker) {
        List<Worker> known = new ArrayList<>(knownWorkers());
        known.removeIf(w -> w.name().equals(worker.name()));
        known.add(0, worker);
        settings.put(KNOWN_WORKERS, write(known));
        settings.put(CURRENT_WORKER, write(worker));
    }

    /** "zh" or "en" once chosen in the settings screen; applied at the next start. */
    public Optional<String> language() {
        return settings.get(LANGUAGE);
    }

    public void setLanguage(String language) {
        settings.put(LANGUAGE, language);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write setting", e);
        }
    }

    /** A setting damaged by hand is treated as absent: the window asks again rather than failing to start. */
    private Optional<Worker> parseWorker(String text) {
        try {
            return Optional.of(json.readValue(text, Worker.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<List<Worker>> parseWorkers(String text) {
        try {
            return Optional.of(List.copyOf(json.readValue(text, WORKER_LIST)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
