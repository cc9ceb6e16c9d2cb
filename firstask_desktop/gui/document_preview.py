"""A report built in the background, then shown in the PDF preview: the button that asked for
it waits meanwhile, and a failure is said beside it. (The preview module, and QtPdf with it,
loads only when a document is first shown.)"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from . import operations, tasks
from .messages import error_text
from .widgets import set_error


def preview_document(
    owner: QWidget,
    button: QPushButton,
    error: QLabel,
    kind: str,
    *args,
    title: str,
    filename: str,
    **options,
) -> None:
    """``operations.build_document(kind, *args, **options)``, shown as ``owner.preview``."""
    button.setEnabled(False)
    set_error(error, "")

    def shown(data: bytes) -> None:
        from .pdf_preview import PdfPreview

        button.setEnabled(True)
        owner.preview = PdfPreview(data, title, filename, owner)
        owner.preview.show()

    def failed(err: BaseException) -> None:
        button.setEnabled(True)
        set_error(error, error_text(err))

    tasks.run_task(
        operations.build_document,
        kind,
        *args,
        owner=owner,
        on_success=shown,
        on_error=failed,
        **options,
    )
