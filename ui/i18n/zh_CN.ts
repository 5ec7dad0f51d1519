<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>CardPrompt</name>
    <message>
        <location filename="../checkout/dialogs.py" line="59"/>
        <source>Service card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="61"/>
        <source>{unit} has no service card yet. Did you offer one?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="64"/>
        <source>Offer a card now [Esc]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="65"/>
        <source>Customer declined [Enter]</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardsPanel</name>
    <message>
        <location filename="../checkout/cards_panel.py" line="45"/>
        <source>Service cards (Ctrl+number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="69"/>
        <source>Card chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="69"/>
        <source>Card declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="70"/>
        <source>Not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="75"/>
        <source>lifetime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="76"/>
        <source>{months} months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="77"/>
        <source>on-site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="77"/>
        <source>carry-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="78"/>
        <source> · {n} PCs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="87"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="88"/>
        <source>customer said no</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <location filename="../checkout/cart_view.py" line="18"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="18"/>
        <source>Qty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="18"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="19"/>
        <source>Serial / IMEI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="42"/>
        <source>{price} each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="44"/>
        <source>discount {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="46"/>
        <source>gift pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="48"/>
        <source>price changed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="51"/>
        <source>needed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../checkout/dialogs.py" line="99"/>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="105"/>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="106"/>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="114"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="115"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="116"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="117"/>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../login.py" line="22"/>
        <source>Who is at the till?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="32"/>
        <source>PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="42"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="76"/>
        <source>Cashier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="76"/>
        <source>Installer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="77"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="77"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="112"/>
        <source>Tap your name first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../login.py" line="118"/>
        <source>Wrong PIN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="15"/>
        <source>Tickbox POS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../app.py" line="88"/>
        <location filename="../messages.py" line="26"/>
        <source>Something went wrong and was written to the log. Nothing was lost; try again, or call the manager if it happens again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../messages.py" line="19"/>
        <source>Tickbox POS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../checkout/dialogs.py" line="138"/>
        <source>Parked sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="141"/>
        <source>{label} · {lines} lines · {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../checkout/payment.py" line="33"/>
        <source>Payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="34"/>
        <source>Cash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="34"/>
        <source>Bank card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="35"/>
        <source>WeChat Pay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="35"/>
        <source>Alipay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="36"/>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="36"/>
        <source>On account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="40"/>
        <source>{n} sheet items were not asked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="56"/>
        <source>Amount received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="62"/>
        <source>Reference (terminal slip or voucher code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="64"/>
        <source>Card last 4 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="71"/>
        <source>Exact [F1]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="72"/>
        <source>Next 50 [F2]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="73"/>
        <source>Next 100 [F3]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="97"/>
        <source>Complete sale [Enter]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="102"/>
        <source>Back to sale [Esc]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="166"/>
        <source>Due {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="168"/>
        <source>Total {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="176"/>
        <source>Change {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="200"/>
        <source>Each payment must be more than zero</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SerialDialog</name>
    <message>
        <location filename="../checkout/dialogs.py" line="19"/>
        <source>Serial number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="21"/>
        <source>Scan the serial number or IMEI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="23"/>
        <source>Serial number or IMEI of {unit}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetPanel</name>
    <message>
        <location filename="../checkout/sheet_panel.py" line="105"/>
        <location filename="../checkout/sheet_panel.py" line="132"/>
        <source>Configuration sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="134"/>
        <source>Scan a desktop PC, notebook, phone, tablet or camera to open its configuration sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="150"/>
        <source>Sheet: {unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="168"/>
        <source>{asked} of {total} asked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <location filename="../checkout/till.py" line="65"/>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="75"/>
        <source>Scan, or type a name, code or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="110"/>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="111"/>
        <source>Park [F8]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="112"/>
        <source>Resume [F9]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="113"/>
        <source>Pay [F12]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="124"/>
        <source>Customer [F4]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="185"/>
        <source>Logged in: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="241"/>
        <source>stock {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="354"/>
        <source>Tap a line in the cart first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="364"/>
        <source>Sale parked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="370"/>
        <source>No parked sales on this till</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="373"/>
        <source>Finish or park the current sale first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="394"/>
        <source>The cart is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="469"/>
        <source>Completing the sale…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="477"/>
        <source>Sale {receipt} complete · Change {change}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="510"/>
        <source>Items: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="511"/>
        <source>Discount: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="513"/>
        <source>incl. VAT: {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="515"/>
        <source>Total {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="518"/>
        <source>Business</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="518"/>
        <source>Consumer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="523"/>
        <source>No customer yet: scan or type their phone number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <location filename="../checkout/sheet_panel.py" line="34"/>
        <source>Pack {price}: {parts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="40"/>
        <source>{price} · {name} · stock {stock}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="48"/>
        <source>Show the sales script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="55"/>
        <source>Sold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="56"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="57"/>
        <source>Not yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
