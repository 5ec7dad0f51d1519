<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AfterSaleActions</name>
    <message>
        <location filename="../checkout/till_after_sale.py" line="30" />
        <source>void {receipt}</source>
        <translation>作废 {receipt}</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="40" />
        <source>Finish or park the current sale first</source>
        <translation>请先完成或挂起当前交易</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="46" />
        <source>Which unit?</source>
        <translation>哪台主机？</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="47" />
        <source>Add to which unit?</source>
        <translation>加购到哪台主机？</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="71" />
        <source>refund against {receipt}</source>
        <translation>原单 {receipt} 退货</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="104" />
        <source>{receipt} voided: {amount} back</source>
        <translation>{receipt} 已作废：退款 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="111" />
        <source>Cancel this sale? Its lines are dropped.</source>
        <translation>取消本笔交易？已录入的商品将被清空。</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="116" />
        <source>Sale cancelled</source>
        <translation>交易已取消</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="143" />
        <source>Shift closed: Z {z}, over/short {diff}</source>
        <translation>已交班：Z {z}，长短款 {diff}</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="147" />
        <source>close the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="172" />
        <source>Refund {receipt}: {amount} back</source>
        <translation>退货单 {receipt}：退款 {amount}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../checkout/after_sale.py" line="214" />
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="222" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CardPrompt</name>
    <message>
        <location filename="../checkout/dialogs.py" line="59" />
        <source>Service card</source>
        <translation>服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="61" />
        <source>{unit} has no service card yet. Did you offer one?</source>
        <translation>{unit} 还没有服务卡。推荐过了吗？</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="64" />
        <source>Offer a card now [Esc]</source>
        <translation>现在推荐 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="65" />
        <source>Customer declined [Enter]</source>
        <translation>顾客拒绝 [Enter]</translation>
    </message>
</context>
<context>
    <name>CardsPanel</name>
    <message>
        <location filename="../checkout/cards_panel.py" line="45" />
        <source>Service cards (Ctrl+number)</source>
        <translation>服务卡 (Ctrl+数字)</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="69" />
        <source>Card chosen</source>
        <translation>已选服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="69" />
        <source>Card declined</source>
        <translation>顾客拒绝服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="70" />
        <source>Not asked yet</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="75" />
        <source>lifetime</source>
        <translation>终身</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="76" />
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="77" />
        <source>on-site</source>
        <translation>上门</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="77" />
        <source>carry-in</source>
        <translation>送修</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="78" />
        <source> · {n} PCs</source>
        <translation> · {n} 台电脑</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="87" />
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="88" />
        <source>customer said no</source>
        <translation>顾客拒绝</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <location filename="../checkout/cart_view.py" line="18" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="18" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="18" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="19" />
        <source>Serial / IMEI</source>
        <translation>序列号/IMEI</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="42" />
        <source>{price} each</source>
        <translation>单价 {price}</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="44" />
        <source>discount {amount}</source>
        <translation>优惠 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="46" />
        <source>gift pack</source>
        <translation>礼包</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="48" />
        <source>price changed: {reason}</source>
        <translation>改价：{reason}</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="51" />
        <source>needed</source>
        <translation>待录入</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../close_shift.py" line="16" />
        <source>Close the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="29" />
        <source>Count and close the shift</source>
        <translation>点钞并交班</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="32" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="35" />
        <source>{sales} sales · expected in the drawer {cash}</source>
        <translation>{sales} 笔销售 · 钱箱应有 {cash}</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="49" />
        <source>Counted {counted} · over/short {diff}</source>
        <translation>实点 {counted} · 长短款 {diff}</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../checkout/dialogs.py" line="99" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="105" />
        <source>Consumer</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="106" />
        <source>Business</source>
        <translation>企业客户</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="114" />
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="115" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="116" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="117" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
</context>
<context>
    <name>FindSaleDialog</name>
    <message>
        <location filename="../checkout/after_sale.py" line="26" />
        <source>Find a sale</source>
        <translation>查找销售单</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="28" />
        <source>Scan the receipt or sheet barcode, or type a receipt number, phone or serial</source>
        <translation>扫描小票或配置单条码，或输入单号、手机号、序列号</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="35" />
        <source>Sell add-ons on site</source>
        <translation>上门加购</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="38" />
        <source>Return / refund</source>
        <translation>退货/退款</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="40" />
        <source>Void (today's sales)</source>
        <translation>作废（仅当天）</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="43" />
        <source>Reprint receipt and sheet</source>
        <translation>补打小票和配置单</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="45" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="71" />
        <source>sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="71" />
        <source>add-on</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="71" />
        <source>refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="72" />
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="83" />
        <source>No sale found</source>
        <translation>未找到销售单</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="93" />
        <source>Find the sale first</source>
        <translation>请先查找销售单</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../login.py" line="97" />
        <source>Who is at the till?</source>
        <translation>谁在收银？</translation>
    </message>
    <message>
        <location filename="../login.py" line="98" />
        <source>PIN</source>
        <translation>密码 (PIN)</translation>
    </message>
    <message>
        <location filename="../login.py" line="99" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../login.py" line="111" />
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../login.py" line="111" />
        <source>Installer</source>
        <translation>安装员</translation>
    </message>
    <message>
        <location filename="../login.py" line="112" />
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../login.py" line="112" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../login.py" line="116" />
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../login.py" line="197" />
        <source>Tap your name first</source>
        <translation>请先点选您的名字</translation>
    </message>
    <message>
        <location filename="../login.py" line="227" />
        <source>Wrong PIN</source>
        <translation>密码错误</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="44" />
        <source>Tickbox POS</source>
        <translation>Tickbox 收银系统</translation>
    </message>
</context>
<context>
    <name>ManagerApprovalDialog</name>
    <message>
        <location filename="../checkout/after_sale.py" line="105" />
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="106" />
        <source>A manager must approve: {what}</source>
        <translation>需要店长授权：{what}</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="124" />
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="126" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../app.py" line="216" />
        <source>Tickbox POS could not start. What went wrong was written to the log; call the manager.</source>
        <translation>Tickbox 收银系统无法启动。出错的详情已写入日志，请联系店长。</translation>
    </message>
    <message>
        <location filename="../app.py" line="233" />
        <location filename="../messages.py" line="26" />
        <source>Something went wrong and was written to the log. Nothing was lost; try again, or call the manager if it happens again.</source>
        <translation>出现错误，已记录到日志。数据没有丢失；请重试，如再次出现请联系店长。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="19" />
        <location filename="../messages.py" line="36" />
        <source>Tickbox POS</source>
        <translation>Tickbox 收银系统</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../checkout/dialogs.py" line="138" />
        <source>Parked sales</source>
        <translation>挂单列表</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="141" />
        <source>{label} · {lines} lines · {total}</source>
        <translation>{label} · {lines} 行 · {total}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../checkout/payment.py" line="33" />
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="34" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="34" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="35" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="35" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="36" />
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="36" />
        <source>On account</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="40" />
        <source>{n} sheet items were not asked yet</source>
        <translation>配置单中有 {n} 项未询问</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="56" />
        <source>Amount received</source>
        <translation>实收金额</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="62" />
        <source>Reference (terminal slip or voucher code)</source>
        <translation>参考号（刷卡小票或代金券码）</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="64" />
        <source>Card last 4 digits</source>
        <translation>卡号后4位</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="71" />
        <source>Exact [F1]</source>
        <translation>足额 [F1]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="72" />
        <source>Next 50 [F2]</source>
        <translation>凑整50 [F2]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="73" />
        <source>Next 100 [F3]</source>
        <translation>凑整100 [F3]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="97" />
        <source>Complete sale [Enter]</source>
        <translation>完成交易 [Enter]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="102" />
        <source>Back to sale [Esc]</source>
        <translation>返回 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="166" />
        <source>Due {amount}</source>
        <translation>应付 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="168" />
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="176" />
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="200" />
        <source>Each payment must be more than zero</source>
        <translation>每笔付款金额必须大于零</translation>
    </message>
</context>
<context>
    <name>PrintJobsDialog</name>
    <message>
        <location filename="../checkout/print_jobs.py" line="14" />
        <source>Print jobs</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="16" />
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="16" />
        <source>Configuration sheet</source>
        <translation>配置单</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="17" />
        <source>Service card</source>
        <translation>服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="20" />
        <source>{kind} {ref}: {error}</source>
        <translation>{kind} {ref}：{error}</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="26" />
        <source>Check the printer (power, paper, cover, cable), then retry. The sales themselves are safe.</source>
        <translation>请检查打印机（电源、纸张、上盖、连线）后重试。销售记录不受影响。</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="29" />
        <source>Retry selected</source>
        <translation>重试所选</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="30" />
        <source>Retry all</source>
        <translation>全部重试</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="32" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>PrintingActions</name>
    <message>
        <location filename="../checkout/till_printing.py" line="41" />
        <source>Print failed: {n}</source>
        <translation>打印失败：{n}</translation>
    </message>
    <message>
        <location filename="../checkout/till_printing.py" line="44" />
        <source>Printer OK</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <location filename="../checkout/till_printing.py" line="53" />
        <source>Every print job has printed</source>
        <translation>所有打印任务均已完成</translation>
    </message>
    <message>
        <location filename="../checkout/till_printing.py" line="80" />
        <source>Reprinting {receipt}</source>
        <translation>正在补打 {receipt}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../report_screen.py" line="67" />
        <source>Day report {day}</source>
        <translation>日报表 {day}</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="70" />
        <source>Adding up the day…</source>
        <translation>正在统计当天数据…</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="75" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="85" />
        <source>The report failed</source>
        <translation>报表生成失败</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="90" />
        <source>{scope} · net {net}</source>
        <translation>{scope} · 净额 {net}</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="93" />
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="93" />
        <source>Add-ons</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="94" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="94" />
        <source>Voids</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="100" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="100" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="101" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="101" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="102" />
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="102" />
        <source>On account</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="103" />
        <source>Exchange credit</source>
        <translation>换货抵扣</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="111" />
        <source>Attach rate by salesperson</source>
        <translation>各销售员连带率</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="114" />
        <source>Service-card take-up by tier</source>
        <translation>各等级服务卡购买率</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="120" />
        <source>Sheet items: sold (green), declined (red), not offered (grey)</source>
        <translation>配置单项目：已售（绿）、拒绝（红）、未推荐（灰）</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="125" />
        <source>Commission {name}: {amount} ({rate}% of {sales})</source>
        <translation>提成 {name}：{amount}（{sales} 的 {rate}%）</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../checkout/after_sale.py" line="149" />
        <source>Return against {receipt}</source>
        <translation>退货（原单 {receipt}）</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="163" />
        <source>{n} can come back</source>
        <translation>可退 {n}</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="167" />
        <source>What was sold with a returned unit comes back too</source>
        <translation>随主机售出的配件和服务卡一并退回</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="172" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="172" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="173" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="173" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="174" />
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="174" />
        <source>On account</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="176" />
        <source>Back in {how}</source>
        <translation>退回{how}</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="184" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="187" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SerialDialog</name>
    <message>
        <location filename="../checkout/dialogs.py" line="19" />
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="21" />
        <source>Scan the serial number or IMEI</source>
        <translation>请扫描序列号或IMEI</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="23" />
        <source>Serial number or IMEI of {unit}</source>
        <translation>{unit} 的序列号或IMEI</translation>
    </message>
</context>
<context>
    <name>SheetItemRow</name>
    <message>
        <location filename="../checkout/sheet_panel.py" line="34" />
        <source>Pack {price}: {parts}</source>
        <translation>礼包 {price}：{parts}</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="40" />
        <source>{price} · {name} · stock {stock}</source>
        <translation>{price} · {name} · 库存 {stock}</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="48" />
        <source>Show the sales script</source>
        <translation>显示话术</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="55" />
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="56" />
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="57" />
        <source>Not yet</source>
        <translation>未询问</translation>
    </message>
</context>
<context>
    <name>SheetPanel</name>
    <message>
        <location filename="../checkout/sheet_panel.py" line="105" />
        <location filename="../checkout/sheet_panel.py" line="132" />
        <source>Configuration sheet</source>
        <translation>配置单</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="134" />
        <source>Scan a desktop PC, notebook, phone, tablet or camera to open its configuration sheet.</source>
        <translation>扫描台式机、笔记本、手机、平板或相机，即可打开其配置单。</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="150" />
        <source>Sheet: {unit}</source>
        <translation>配置单：{unit}</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="168" />
        <source>{asked} of {total} asked</source>
        <translation>已询问 {asked}/{total}</translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <location filename="../checkout/till.py" line="70" />
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="73" />
        <source>Printer OK</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="76" />
        <source>Reprint last [F11]</source>
        <translation>补打上单 [F11]</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="81" />
        <source>Find sale [F6]</source>
        <translation>查单 [F6]</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="84" />
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="87" />
        <source>Day report</source>
        <translation>日报表</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="90" />
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="106" />
        <source>Scan, or type a name, code or phone</source>
        <translation>扫码，或输入名称、编码或手机号</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="141" />
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="142" />
        <source>Cancel sale</source>
        <translation>取消交易</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="143" />
        <source>Park [F8]</source>
        <translation>挂单 [F8]</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="144" />
        <source>Resume [F9]</source>
        <translation>取单 [F9]</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="145" />
        <source>Pay [F12]</source>
        <translation>收款 [F12]</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="157" />
        <source>Customer [F4]</source>
        <translation>客户 [F4]</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="242" />
        <source>Logged in: {name}</source>
        <translation>当前登录：{name}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="301" />
        <source>stock {n}</source>
        <translation>库存 {n}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="407" />
        <source>Tap a line in the cart first</source>
        <translation>请先点选购物车中的一行</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="417" />
        <source>Sale parked</source>
        <translation>已挂单</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="423" />
        <source>No parked sales on this till</source>
        <translation>本收银台没有挂单</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="426" />
        <source>Finish or park the current sale first</source>
        <translation>请先完成或挂起当前交易</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="447" />
        <source>The cart is empty</source>
        <translation>购物车为空</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="504" />
        <source>Completing the sale…</source>
        <translation>正在完成交易…</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="515" />
        <source>Sale {receipt} complete · Change {change}</source>
        <translation>交易 {receipt} 已完成 · 找零 {change}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="548" />
        <source>Items: {n}</source>
        <translation>件数：{n}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="549" />
        <source>Discount: {amount}</source>
        <translation>优惠：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="551" />
        <source>incl. VAT: {amount}</source>
        <translation>含增值税：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="553" />
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="556" />
        <source>Business</source>
        <translation>企业客户</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="556" />
        <source>Consumer</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="561" />
        <source>No customer yet: scan or type their phone number</source>
        <translation>尚无客户：请扫码或输入手机号</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="564" />
        <source>Add-on to {receipt}: sell what goes with the unit</source>
        <translation>原单 {receipt} 加购：推荐主机配套商品</translation>
    </message>
</context>
</TS>