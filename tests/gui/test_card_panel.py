"""The service cards at the till: the "confirm the card" prompt never lets Enter record a
refusal (Enter goes back to the card panel; declining takes Ctrl+0, shown on its button),
and the card panel shows only the tiers this unit and this customer can take, numbered
as Ctrl+number picks them, refreshed when the customer changes."""

from PySide6.QtCore import Qt

from pos.kernel.enums import CardStatus
from pos.people import customers
from tests.gui.conftest import log_in, settle, till_window
from ui.checkout.dialogs import CardPrompt, SerialDialog

NOTEBOOK = "6923150020022"
BUSINESS_TIERS = {"blue-gold", "blue-diamond"}


def shown_tiers(till) -> list[str]:
    """The tier codes on the visible tiles, in the order of their numbers."""
    cards = till.cards
    assert [tile.isVisible() for tile in cards.pool[:len(cards.offers)]] == [True] * len(cards.offers)
    return [offer.code for offer in cards.offers]


def numbers_on_tiles(till) -> list[str]:
    return [tile.label.text().split("</small>")[0].rsplit(">", 1)[1]
            for tile in till.cards.pool[:len(till.cards.offers)]]


def test_f12_then_enter_goes_back_to_the_cards_and_records_no_refusal(qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    unit = till.current_unit
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    prompt = till.active_dialog
    assert prompt.pick.isDefault() and not prompt.declined.isDefault()
    assert "Ctrl+0" in prompt.declined.text()  # the deliberate key, on its button
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: till.active_dialog is None)
    settle(qtbot, window)
    assert till.cart.card_status(unit) is CardStatus.NOT_ASKED  # nothing recorded
    assert not till.paying and till.current_unit == unit and till.cards.offers
    qtbot.waitUntil(till.scan.hasFocus)  # the scan field has the focus again
    assert not isinstance(till.active_dialog, SerialDialog)


def test_declining_in_the_prompt_takes_ctrl_0(qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    unit = till.current_unit
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_0)  # a plain 0 is no answer
    assert isinstance(till.active_dialog, CardPrompt)
    qtbot.keyClick(till.active_dialog, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    assert till.cart.card_status(unit) is CardStatus.DECLINED


def test_a_tap_on_customer_declined_records_the_refusal(qtbot, window, keys):
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    keys.press(till.scan, Qt.Key.Key_F12)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
    qtbot.mouseClick(till.active_dialog.declined, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(till.active_dialog, SerialDialog))
    assert till.cart.card_status(till.current_unit) is CardStatus.DECLINED


def test_a_consumer_sees_no_business_card_and_ctrl_numbers_follow_the_tiles(
        qtbot, window, keys, returning_customer):
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    assert not BUSINESS_TIERS & set(shown_tiers(till))  # no customer yet: a consumer's
    keys.scan(till.scan, returning_customer.phone)
    tiers = shown_tiers(till)
    assert not BUSINESS_TIERS & set(tiers) and "gold" in tiers
    assert numbers_on_tiles(till) == [str(n) for n in range(1, len(tiers) + 1)]
    fourth = tiers[3]  # where Blue-gold was before: now the next consumer tier
    keys.press(till.scan, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    [card] = till.cart.card_lines(till.current_unit)
    assert card.tier_id == till.cards.offers[3].tier_id and fourth not in BUSINESS_TIERS
    assert till.cards.pool[3].isChecked()


def test_a_business_customer_brings_the_business_cards(qtbot, window, keys, sqlite_demo_db):
    firm = customers.create_customer(sqlite_demo_db, phone="13900139000", name="Zhou Min",
                                     kind="business", company="Hengda Trading")
    log_in(qtbot, window)
    till = window.till
    keys.scan(till.scan, NOTEBOOK)
    before = shown_tiers(till)
    keys.scan(till.scan, firm.phone)  # the panel follows the customer
    after = shown_tiers(till)
    assert BUSINESS_TIERS <= set(after) and len(after) == len(before) + 2
    blue = after.index("blue-gold") + 1
    keys.press(till.scan, getattr(Qt.Key, f"Key_{blue}"), Qt.KeyboardModifier.ControlModifier)
    [card] = till.cart.card_lines(till.current_unit)
    assert card.tier_id == till.cards.offers[blue - 1].tier_id
    assert till.cards.offers[blue - 1].code == "blue-gold"


def test_the_card_prompt_in_chinese_names_its_keys(qtbot, sqlite_demo_db):
    with till_window(qtbot, sqlite_demo_db, "zh_CN") as window:
        log_in(qtbot, window)
        till = window.till
        qtbot.keyClicks(till.scan, NOTEBOOK)
        qtbot.keyClick(till.scan, Qt.Key.Key_Return)
        settle(qtbot, window)
        qtbot.keyClick(till.scan, Qt.Key.Key_F12)
        qtbot.waitUntil(lambda: isinstance(till.active_dialog, CardPrompt))
        prompt = till.active_dialog
        assert prompt.declined.text() == "顾客拒绝 [Ctrl+0]"
        assert prompt.pick.text() == "现在推荐 [Enter]"
        prompt.reject()
        settle(qtbot, window)
