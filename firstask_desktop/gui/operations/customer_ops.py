"""Customers: search, and the service tier with its customer manager."""

from __future__ import annotations

from firstask_desktop.gui.operations.routing import writes
from firstask_desktop.services import entries as entry_svc
from firstask_desktop.services import queries

# --- customers -----------------------------------------------------------------------------------


def search_customers(text: str, viewer=None) -> list[dict]:
    """Customers matching ``text``; personal data masked unless ``viewer`` may see it (保密)."""
    from firstask_desktop.domain import permissions
    from firstask_desktop.domain.masking import mask_fields

    found = [queries.customer_to_dict(c) for c in queries.search_customers(text)]
    if not permissions.can(viewer, "see_personal_data"):
        for c in found:
            c.update(mask_fields(c))
    return found


@writes
def set_customer_tier(actor, customer_uuid: str, tier: str, manager: str) -> None:
    from firstask_desktop.store.models import Customer

    customer = Customer.get(Customer.uuid == customer_uuid)
    entry_svc.set_customer_tier(actor, customer, tier, manager)
