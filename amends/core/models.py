"""Core models: only the audit log (see core.audit)."""

from amends.core.audit import AuditEvent

__all__ = ["AuditEvent"]
