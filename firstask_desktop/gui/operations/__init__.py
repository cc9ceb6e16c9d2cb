"""One function per user action or screen load, run off the GUI thread (Anki's ``operations``).

Widgets call these through :mod:`tasks`; these call the core services; only plain data (dicts,
lists, strings, or fully loaded model rows) comes back, so the GUI thread never waits on SQL.
Nothing here is a rule: the rules live in the core services these call.

One module per part of the app (``*_ops``); this package re-exports them all, so widgets call
``operations.<name>``. An operation that writes is marked ``@writes`` (``routing``), once.
"""

from firstask_desktop.gui.operations.assess_ops import (
    PROPOSALS_SHOWN,
    assessment_months,
    assessment_overview,
    assessment_scan,
    clause_table,
    confirm_violation,
    dismiss_violation,
    transfers_due,
    update_clause,
)
from firstask_desktop.gui.operations.customer_ops import (
    search_customers,
    set_customer_tier,
)
from firstask_desktop.gui.operations.entry_ops import (
    deadline_book,
    departments,
    entry_step,
    lookup_customer,
    register_entry,
    staff_names,
)
from firstask_desktop.gui.operations.file_ops import (
    backup_if_due,
    open_data_folder,
    save_pdf,
)
from firstask_desktop.gui.operations.print_ops import (
    DOCUMENT_BUILDERS,
    build_document,
    build_guide,
    month_stats,
    printable_kinds,
    repeat_complainants,
)
from firstask_desktop.gui.operations.register_ops import (
    TRANSFER_WARNING_HOURS,
    counts,
    entry_details,
    months,
    register_count,
    register_page,
    register_scope,
)
from firstask_desktop.gui.operations.routing import writes
from firstask_desktop.gui.operations.settings_ops import (
    add_department,
    add_staff,
    auto_lock_minutes,
    change_password,
    deactivate_staff,
    holidays,
    reset_password,
    rule_table,
    set_auto_lock_minutes,
    staff_table,
    update_rule,
)
from firstask_desktop.gui.operations.start_ops import (
    authenticate,
    create_demo,
    create_station,
    staff_for_login,
)
from firstask_desktop.gui.operations.sync_ops import (
    export_key,
    import_key,
    quarantine_list,
    quarantine_record,
    read_key,
    resolve_quarantine,
    sync_export,
    sync_export_available,
    sync_import,
    sync_overview,
    write_county_package,
)

__all__ = [
    "DOCUMENT_BUILDERS",
    "PROPOSALS_SHOWN",
    "TRANSFER_WARNING_HOURS",
    "add_department",
    "add_staff",
    "assessment_months",
    "assessment_overview",
    "assessment_scan",
    "authenticate",
    "auto_lock_minutes",
    "backup_if_due",
    "build_document",
    "build_guide",
    "change_password",
    "clause_table",
    "confirm_violation",
    "counts",
    "create_demo",
    "create_station",
    "deactivate_staff",
    "deadline_book",
    "departments",
    "dismiss_violation",
    "entry_details",
    "entry_step",
    "export_key",
    "holidays",
    "import_key",
    "lookup_customer",
    "month_stats",
    "months",
    "open_data_folder",
    "printable_kinds",
    "quarantine_list",
    "quarantine_record",
    "read_key",
    "register_count",
    "register_entry",
    "register_page",
    "register_scope",
    "repeat_complainants",
    "reset_password",
    "resolve_quarantine",
    "rule_table",
    "save_pdf",
    "search_customers",
    "set_auto_lock_minutes",
    "set_customer_tier",
    "staff_for_login",
    "staff_names",
    "staff_table",
    "sync_export",
    "sync_export_available",
    "sync_import",
    "sync_overview",
    "transfers_due",
    "update_clause",
    "update_rule",
    "write_county_package",
    "writes",
]
