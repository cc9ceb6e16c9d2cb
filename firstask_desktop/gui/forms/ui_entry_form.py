# generated — do not edit: compiled from ui/entry_form.ui by tools/build_forms.py (pyside6-uic)
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'entry_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFrame, QGridLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from firstask_desktop.gui.choice_bar import ChoiceBar
from firstask_desktop.gui.date_time_edit import DateTimeEdit

class Ui_EntryForm(object):
    def setupUi(self, EntryForm):
        if not EntryForm.objectName():
            EntryForm.setObjectName(u"EntryForm")
        EntryForm.resize(1040, 640)
        self.mainLayout = QVBoxLayout(EntryForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.choiceGrid = QGridLayout()
        self.choiceGrid.setObjectName(u"choiceGrid")
        self.choiceGrid.setVerticalSpacing(2)
        self.channelLabel = QLabel(EntryForm)
        self.channelLabel.setObjectName(u"channelLabel")

        self.choiceGrid.addWidget(self.channelLabel, 0, 0, 1, 1)

        self.channel = ChoiceBar(EntryForm)
        self.channel.setObjectName(u"channel")

        self.choiceGrid.addWidget(self.channel, 0, 1, 1, 1)

        self.channelError = QLabel(EntryForm)
        self.channelError.setObjectName(u"channelError")
        self.channelError.setVisible(False)
        self.channelError.setStyleSheet(u"color: #b00020;")
        self.channelError.setWordWrap(True)
        self.channelError.setText(u"")

        self.choiceGrid.addWidget(self.channelError, 1, 1, 1, 1)

        self.categoryLabel = QLabel(EntryForm)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.choiceGrid.addWidget(self.categoryLabel, 2, 0, 1, 1)

        self.category = ChoiceBar(EntryForm)
        self.category.setObjectName(u"category")

        self.choiceGrid.addWidget(self.category, 2, 1, 1, 1)

        self.categoryError = QLabel(EntryForm)
        self.categoryError.setObjectName(u"categoryError")
        self.categoryError.setVisible(False)
        self.categoryError.setStyleSheet(u"color: #b00020;")
        self.categoryError.setWordWrap(True)
        self.categoryError.setText(u"")

        self.choiceGrid.addWidget(self.categoryError, 3, 1, 1, 1)


        self.mainLayout.addLayout(self.choiceGrid)

        self.columns = QHBoxLayout()
        self.columns.setSpacing(18)
        self.columns.setObjectName(u"columns")
        self.leftGrid = QGridLayout()
        self.leftGrid.setObjectName(u"leftGrid")
        self.leftGrid.setVerticalSpacing(2)
        self.receivedAtLabel = QLabel(EntryForm)
        self.receivedAtLabel.setObjectName(u"receivedAtLabel")

        self.leftGrid.addWidget(self.receivedAtLabel, 0, 0, 1, 1)

        self.receivedAt = DateTimeEdit(EntryForm)
        self.receivedAt.setObjectName(u"receivedAt")
        self.receivedAt.setCalendarPopup(True)
        self.receivedAt.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.leftGrid.addWidget(self.receivedAt, 0, 1, 1, 1)

        self.receivedAtError = QLabel(EntryForm)
        self.receivedAtError.setObjectName(u"receivedAtError")
        self.receivedAtError.setVisible(False)
        self.receivedAtError.setStyleSheet(u"color: #b00020;")
        self.receivedAtError.setWordWrap(True)
        self.receivedAtError.setText(u"")

        self.leftGrid.addWidget(self.receivedAtError, 1, 1, 1, 1)

        self.woNumberLabel = QLabel(EntryForm)
        self.woNumberLabel.setObjectName(u"woNumberLabel")

        self.leftGrid.addWidget(self.woNumberLabel, 2, 0, 1, 1)

        self.woFields = QWidget(EntryForm)
        self.woFields.setObjectName(u"woFields")
        self.woLayout = QHBoxLayout(self.woFields)
        self.woLayout.setObjectName(u"woLayout")
        self.woLayout.setContentsMargins(0, 0, 0, 0)
        self.woNumber = QLineEdit(self.woFields)
        self.woNumber.setObjectName(u"woNumber")
        self.woNumber.setMaxLength(40)
        self.woNumber.setMinimumSize(QSize(180, 0))

        self.woLayout.addWidget(self.woNumber)

        self.woDueAtLabel = QLabel(self.woFields)
        self.woDueAtLabel.setObjectName(u"woDueAtLabel")

        self.woLayout.addWidget(self.woDueAtLabel)

        self.woDueAt = DateTimeEdit(self.woFields)
        self.woDueAt.setObjectName(u"woDueAt")
        self.woDueAt.setCalendarPopup(True)
        self.woDueAt.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.woLayout.addWidget(self.woDueAt)


        self.leftGrid.addWidget(self.woFields, 2, 1, 1, 1)

        self.woNumberError = QLabel(EntryForm)
        self.woNumberError.setObjectName(u"woNumberError")
        self.woNumberError.setVisible(False)
        self.woNumberError.setStyleSheet(u"color: #b00020;")
        self.woNumberError.setWordWrap(True)
        self.woNumberError.setText(u"")

        self.leftGrid.addWidget(self.woNumberError, 3, 1, 1, 1)

        self.visitorLabel = QLabel(EntryForm)
        self.visitorLabel.setObjectName(u"visitorLabel")

        self.leftGrid.addWidget(self.visitorLabel, 4, 0, 1, 1)

        self.visitor = QLineEdit(EntryForm)
        self.visitor.setObjectName(u"visitor")
        self.visitor.setMaxLength(50)

        self.leftGrid.addWidget(self.visitor, 4, 1, 1, 1)

        self.visitorError = QLabel(EntryForm)
        self.visitorError.setObjectName(u"visitorError")
        self.visitorError.setVisible(False)
        self.visitorError.setStyleSheet(u"color: #b00020;")
        self.visitorError.setWordWrap(True)
        self.visitorError.setText(u"")

        self.leftGrid.addWidget(self.visitorError, 5, 1, 1, 1)

        self.unitLabel = QLabel(EntryForm)
        self.unitLabel.setObjectName(u"unitLabel")

        self.leftGrid.addWidget(self.unitLabel, 6, 0, 1, 1)

        self.unit = QLineEdit(EntryForm)
        self.unit.setObjectName(u"unit")
        self.unit.setMaxLength(100)

        self.leftGrid.addWidget(self.unit, 6, 1, 1, 1)

        self.unitError = QLabel(EntryForm)
        self.unitError.setObjectName(u"unitError")
        self.unitError.setVisible(False)
        self.unitError.setStyleSheet(u"color: #b00020;")
        self.unitError.setWordWrap(True)
        self.unitError.setText(u"")

        self.leftGrid.addWidget(self.unitError, 7, 1, 1, 1)

        self.addressLabel = QLabel(EntryForm)
        self.addressLabel.setObjectName(u"addressLabel")

        self.leftGrid.addWidget(self.addressLabel, 8, 0, 1, 1)

        self.address = QLineEdit(EntryForm)
        self.address.setObjectName(u"address")
        self.address.setMaxLength(200)

        self.leftGrid.addWidget(self.address, 8, 1, 1, 1)

        self.addressError = QLabel(EntryForm)
        self.addressError.setObjectName(u"addressError")
        self.addressError.setVisible(False)
        self.addressError.setStyleSheet(u"color: #b00020;")
        self.addressError.setWordWrap(True)
        self.addressError.setText(u"")

        self.leftGrid.addWidget(self.addressError, 9, 1, 1, 1)

        self.phoneLabel = QLabel(EntryForm)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.leftGrid.addWidget(self.phoneLabel, 10, 0, 1, 1)

        self.phone = QLineEdit(EntryForm)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(40)

        self.leftGrid.addWidget(self.phone, 10, 1, 1, 1)

        self.phoneError = QLabel(EntryForm)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setVisible(False)
        self.phoneError.setStyleSheet(u"color: #b00020;")
        self.phoneError.setWordWrap(True)
        self.phoneError.setText(u"")

        self.leftGrid.addWidget(self.phoneError, 11, 1, 1, 1)

        self.accountNoLabel = QLabel(EntryForm)
        self.accountNoLabel.setObjectName(u"accountNoLabel")

        self.leftGrid.addWidget(self.accountNoLabel, 12, 0, 1, 1)

        self.accountNo = QLineEdit(EntryForm)
        self.accountNo.setObjectName(u"accountNo")
        self.accountNo.setMaxLength(20)

        self.leftGrid.addWidget(self.accountNo, 12, 1, 1, 1)

        self.accountNoError = QLabel(EntryForm)
        self.accountNoError.setObjectName(u"accountNoError")
        self.accountNoError.setVisible(False)
        self.accountNoError.setStyleSheet(u"color: #b00020;")
        self.accountNoError.setWordWrap(True)
        self.accountNoError.setText(u"")

        self.leftGrid.addWidget(self.accountNoError, 13, 1, 1, 1)

        self.customerBox = QFrame(EntryForm)
        self.customerBox.setObjectName(u"customerBox")
        self.customerBox.setVisible(False)
        self.customerBox.setFrameShape(QFrame.Shape.StyledPanel)
        self.customerBox.setStyleSheet(u"QFrame#customerBox { background: #fff8dc; border: 1px solid #e0c060; border-radius: 4px; }")
        self.customerBoxLayout = QVBoxLayout(self.customerBox)
        self.customerBoxLayout.setObjectName(u"customerBoxLayout")
        self.repeatFlag = QLabel(self.customerBox)
        self.repeatFlag.setObjectName(u"repeatFlag")
        self.repeatFlag.setVisible(False)
        self.repeatFlag.setWordWrap(True)
        self.repeatFlag.setStyleSheet(u"QLabel#repeatFlag { background: #b00020; color: white; font-weight: bold; padding: 4px 6px; border-radius: 3px; }")
        self.repeatFlag.setText(u"")

        self.customerBoxLayout.addWidget(self.repeatFlag)

        self.customerLayout = QHBoxLayout()
        self.customerLayout.setObjectName(u"customerLayout")
        self.customerHint = QLabel(self.customerBox)
        self.customerHint.setObjectName(u"customerHint")
        self.customerHint.setWordWrap(True)
        self.customerHint.setTextFormat(Qt.TextFormat.RichText)
        self.customerHint.setText(u"")

        self.customerLayout.addWidget(self.customerHint)

        self.fillButton = QPushButton(self.customerBox)
        self.fillButton.setObjectName(u"fillButton")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.fillButton.sizePolicy().hasHeightForWidth())
        self.fillButton.setSizePolicy(sizePolicy)

        self.customerLayout.addWidget(self.fillButton)


        self.customerBoxLayout.addLayout(self.customerLayout)


        self.leftGrid.addWidget(self.customerBox, 14, 0, 1, 2)

        self.leftSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftGrid.addItem(self.leftSpacer, 15, 0, 1, 1)


        self.columns.addLayout(self.leftGrid)

        self.rightGrid = QGridLayout()
        self.rightGrid.setObjectName(u"rightGrid")
        self.rightGrid.setVerticalSpacing(2)
        self.matterLabel = QLabel(EntryForm)
        self.matterLabel.setObjectName(u"matterLabel")

        self.rightGrid.addWidget(self.matterLabel, 0, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.matter = QPlainTextEdit(EntryForm)
        self.matter.setObjectName(u"matter")
        self.matter.setTabChangesFocus(True)
        self.matter.setMaximumSize(QSize(16777215, 64))

        self.rightGrid.addWidget(self.matter, 0, 1, 1, 1)

        self.matterError = QLabel(EntryForm)
        self.matterError.setObjectName(u"matterError")
        self.matterError.setVisible(False)
        self.matterError.setStyleSheet(u"color: #b00020;")
        self.matterError.setWordWrap(True)
        self.matterError.setText(u"")

        self.rightGrid.addWidget(self.matterError, 1, 1, 1, 1)

        self.responderLabel = QLabel(EntryForm)
        self.responderLabel.setObjectName(u"responderLabel")

        self.rightGrid.addWidget(self.responderLabel, 2, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.responder = QComboBox(EntryForm)
        self.responder.setObjectName(u"responder")

        self.rightGrid.addWidget(self.responder, 2, 1, 1, 1)

        self.responderHint = QLabel(EntryForm)
        self.responderHint.setObjectName(u"responderHint")
        self.responderHint.setVisible(False)
        self.responderHint.setWordWrap(True)
        self.responderHint.setText(u"")

        self.rightGrid.addWidget(self.responderHint, 3, 1, 1, 1)

        self.responderError = QLabel(EntryForm)
        self.responderError.setObjectName(u"responderError")
        self.responderError.setVisible(False)
        self.responderError.setStyleSheet(u"color: #b00020;")
        self.responderError.setWordWrap(True)
        self.responderError.setText(u"")

        self.rightGrid.addWidget(self.responderError, 4, 1, 1, 1)

        self.resultLabel = QLabel(EntryForm)
        self.resultLabel.setObjectName(u"resultLabel")

        self.rightGrid.addWidget(self.resultLabel, 5, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.result = QPlainTextEdit(EntryForm)
        self.result.setObjectName(u"result")
        self.result.setTabChangesFocus(True)
        self.result.setMaximumSize(QSize(16777215, 46))

        self.rightGrid.addWidget(self.result, 5, 1, 1, 1)

        self.resultError = QLabel(EntryForm)
        self.resultError.setObjectName(u"resultError")
        self.resultError.setVisible(False)
        self.resultError.setStyleSheet(u"color: #b00020;")
        self.resultError.setWordWrap(True)
        self.resultError.setText(u"")

        self.rightGrid.addWidget(self.resultError, 6, 1, 1, 1)

        self.receptionNotesLabel = QLabel(EntryForm)
        self.receptionNotesLabel.setObjectName(u"receptionNotesLabel")

        self.rightGrid.addWidget(self.receptionNotesLabel, 7, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.receptionNotes = QPlainTextEdit(EntryForm)
        self.receptionNotes.setObjectName(u"receptionNotes")
        self.receptionNotes.setTabChangesFocus(True)
        self.receptionNotes.setMaximumSize(QSize(16777215, 46))

        self.rightGrid.addWidget(self.receptionNotes, 7, 1, 1, 1)

        self.receptionNotesError = QLabel(EntryForm)
        self.receptionNotesError.setObjectName(u"receptionNotesError")
        self.receptionNotesError.setVisible(False)
        self.receptionNotesError.setStyleSheet(u"color: #b00020;")
        self.receptionNotesError.setWordWrap(True)
        self.receptionNotesError.setText(u"")

        self.rightGrid.addWidget(self.receptionNotesError, 8, 1, 1, 1)

        self.docsLabel = QLabel(EntryForm)
        self.docsLabel.setObjectName(u"docsLabel")

        self.rightGrid.addWidget(self.docsLabel, 9, 0, 1, 1, Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.docsBox = QWidget(EntryForm)
        self.docsBox.setObjectName(u"docsBox")
        self.docsLayout = QVBoxLayout(self.docsBox)
        self.docsLayout.setSpacing(3)
        self.docsLayout.setObjectName(u"docsLayout")
        self.docsLayout.setContentsMargins(0, 0, 0, 0)
        self.businessType = QComboBox(self.docsBox)
        self.businessType.setObjectName(u"businessType")

        self.docsLayout.addWidget(self.businessType)

        self.docsList = QListWidget(self.docsBox)
        self.docsList.setObjectName(u"docsList")
        self.docsList.setMaximumSize(QSize(16777215, 84))

        self.docsLayout.addWidget(self.docsList)

        self.docsExtra = QLineEdit(self.docsBox)
        self.docsExtra.setObjectName(u"docsExtra")

        self.docsLayout.addWidget(self.docsExtra)


        self.rightGrid.addWidget(self.docsBox, 9, 1, 1, 1)

        self.missingDocumentsError = QLabel(EntryForm)
        self.missingDocumentsError.setObjectName(u"missingDocumentsError")
        self.missingDocumentsError.setVisible(False)
        self.missingDocumentsError.setStyleSheet(u"color: #b00020;")
        self.missingDocumentsError.setWordWrap(True)
        self.missingDocumentsError.setText(u"")

        self.rightGrid.addWidget(self.missingDocumentsError, 10, 1, 1, 1)

        self.rightSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rightGrid.addItem(self.rightSpacer, 11, 0, 1, 1)


        self.columns.addLayout(self.rightGrid)


        self.mainLayout.addLayout(self.columns)

        self.deadlineLabel = QLabel(EntryForm)
        self.deadlineLabel.setObjectName(u"deadlineLabel")
        self.deadlineLabel.setWordWrap(True)
        self.deadlineLabel.setTextFormat(Qt.TextFormat.RichText)
        self.deadlineLabel.setText(u"")

        self.mainLayout.addWidget(self.deadlineLabel)

        self.formError = QLabel(EntryForm)
        self.formError.setObjectName(u"formError")
        self.formError.setVisible(False)
        self.formError.setStyleSheet(u"color: #b00020;")
        self.formError.setWordWrap(True)
        self.formError.setText(u"")

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(EntryForm)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.channelLabel.setBuddy(self.channel)
        self.categoryLabel.setBuddy(self.category)
        self.receivedAtLabel.setBuddy(self.receivedAt)
        self.woNumberLabel.setBuddy(self.woNumber)
        self.woDueAtLabel.setBuddy(self.woDueAt)
        self.visitorLabel.setBuddy(self.visitor)
        self.unitLabel.setBuddy(self.unit)
        self.addressLabel.setBuddy(self.address)
        self.phoneLabel.setBuddy(self.phone)
        self.accountNoLabel.setBuddy(self.accountNo)
        self.matterLabel.setBuddy(self.matter)
        self.responderLabel.setBuddy(self.responder)
        self.resultLabel.setBuddy(self.result)
        self.receptionNotesLabel.setBuddy(self.receptionNotes)
        self.docsLabel.setBuddy(self.businessType)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.channel, self.category)
        QWidget.setTabOrder(self.category, self.receivedAt)
        QWidget.setTabOrder(self.receivedAt, self.woNumber)
        QWidget.setTabOrder(self.woNumber, self.woDueAt)
        QWidget.setTabOrder(self.woDueAt, self.visitor)
        QWidget.setTabOrder(self.visitor, self.unit)
        QWidget.setTabOrder(self.unit, self.address)
        QWidget.setTabOrder(self.address, self.phone)
        QWidget.setTabOrder(self.phone, self.accountNo)
        QWidget.setTabOrder(self.accountNo, self.fillButton)
        QWidget.setTabOrder(self.fillButton, self.matter)
        QWidget.setTabOrder(self.matter, self.responder)
        QWidget.setTabOrder(self.responder, self.result)
        QWidget.setTabOrder(self.result, self.receptionNotes)
        QWidget.setTabOrder(self.receptionNotes, self.businessType)
        QWidget.setTabOrder(self.businessType, self.docsList)
        QWidget.setTabOrder(self.docsList, self.docsExtra)

        self.retranslateUi(EntryForm)

        QMetaObject.connectSlotsByName(EntryForm)
    # setupUi

    def retranslateUi(self, EntryForm):
        EntryForm.setWindowTitle(QCoreApplication.translate("EntryForm", u"\u65b0\u767b\u8bb0 \u2014 \u9996\u95ee\u767b\u8bb0", None))
        self.channelLabel.setText(QCoreApplication.translate("EntryForm", u"\u6e20\u9053(&Q)", None))
        self.categoryLabel.setText(QCoreApplication.translate("EntryForm", u"\u7c7b\u522b(&L)", None))
        self.receivedAtLabel.setText(QCoreApplication.translate("EntryForm", u"\u53d7\u7406\u65f6\u95f4(&T)", None))
        self.woNumberLabel.setText(QCoreApplication.translate("EntryForm", u"95598\u5de5\u5355\u53f7(&W)", None))
        self.woNumber.setPlaceholderText(QCoreApplication.translate("EntryForm", u"95598\u5de5\u5355\u4e0a\u7684\u7f16\u53f7", None))
        self.woDueAtLabel.setText(QCoreApplication.translate("EntryForm", u"\u5de5\u5355\u65f6\u9650", None))
        self.visitorLabel.setText(QCoreApplication.translate("EntryForm", u"\u6765\u8bbf\u4eba\u59d3\u540d(&V)", None))
        self.unitLabel.setText(QCoreApplication.translate("EntryForm", u"\u5355\u4f4d(&U)", None))
        self.unit.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u4e2a\u4eba\u6765\u8bbf\u53ef\u4e0d\u586b", None))
        self.addressLabel.setText(QCoreApplication.translate("EntryForm", u"\u5730\u5740(&D)", None))
        self.phoneLabel.setText(QCoreApplication.translate("EntryForm", u"\u8054\u7cfb\u65b9\u5f0f(&H)", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u624b\u673a\u6216\u56fa\u5b9a\u7535\u8bdd\uff0c\u7528\u4e8e\u544a\u77e5\u7ed3\u679c\u548c\u56de\u8bbf", None))
        self.accountNoLabel.setText(QCoreApplication.translate("EntryForm", u"\u6237\u53f7(&A)", None))
        self.accountNo.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u7535\u8d39\u5355\u4e0a\u7684\u7528\u7535\u6237\u53f7\uff08\u5982\u6709\uff09", None))
        self.fillButton.setText(QCoreApplication.translate("EntryForm", u"\u586b\u5165\u5ba2\u6237\u4fe1\u606f(&F)", None))
        self.matterLabel.setText(QCoreApplication.translate("EntryForm", u"\u4e8b\u7531(&M)", None))
        self.matter.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u5ba2\u6237\u53cd\u6620\u7684\u95ee\u9898\u6216\u8981\u529e\u7684\u4e8b", None))
        self.responderLabel.setText(QCoreApplication.translate("EntryForm", u"\u9996\u95ee\u8d23\u4efb\u4eba(&R)", None))
        self.resultLabel.setText(QCoreApplication.translate("EntryForm", u"\u529e\u7406\u7ed3\u679c(&J)", None))
        self.result.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u5f53\u573a\u7b54\u590d\u4e86\u5c31\u5199\u7b54\u590d\u5185\u5bb9\uff1b\u4e0d\u80fd\u5f53\u573a\u7b54\u590d\u7684\u7559\u7a7a", None))
        self.receptionNotesLabel.setText(QCoreApplication.translate("EntryForm", u"\u63a5\u5f85\u60c5\u51b5(&N)", None))
        self.receptionNotes.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u5982\uff1a\u5ba2\u6237\u60c5\u7eea\u6fc0\u52a8\uff0c\u5df2\u5b89\u629a", None))
        self.docsLabel.setText(QCoreApplication.translate("EntryForm", u"\u4e00\u6b21\u6027\u544a\u77e5(&G)", None))
        self.docsExtra.setPlaceholderText(QCoreApplication.translate("EntryForm", u"\u5176\u4ed6\u7f3a\u5c11\u7684\u6750\u6599\uff0c\u7528\u987f\u53f7\u201c\u3001\u201d\u5206\u9694", None))
    # retranslateUi

