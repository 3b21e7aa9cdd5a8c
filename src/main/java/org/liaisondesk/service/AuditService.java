package org.liaisondesk.service;

import java.util.function.Consumer;
import org.liaisondesk.model.AuditEntry;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.store.AuditRepository;

/** Reading the audit log (操作日志) for the window; the services record their own entries. */
public final class AuditService {

    private final AuditRepository audit;

    public AuditService(AuditRepository audit) {
        this.audit = audit;
    }

    public void forEach(AuditQuery query, Consumer<AuditEntry> sink) {
        audit.forEach(query, sink);
    }
}
