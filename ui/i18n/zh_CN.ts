<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../first_run_pages.py" line="200" />
        <source>The administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="203" />
        <source>The administrator logs in first, adds the staff and changes the settings.</source>
        <translation>管理员首先登录，负责添加员工和修改设置。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="205" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="205" />
        <source>PIN</source>
        <translation>密码 (PIN)</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="205" />
        <source>PIN again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="206" />
        <source>4 to 8 digits that are not easy to guess: not 1234, 1111, a year or a date of birth.</source>
        <translation>4 至 8 位不易被猜到的数字：不要用 1234、1111、年份或生日。</translation>
    </message>
</context>
<context>
    <name>AfterSaleActions</name>
    <message>
        <location filename="../checkout/till_after_sale.py" line="35" />
        <source>void {receipt}</source>
        <translation>作废 {receipt}</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="45" />
        <source>Finish or park the current sale first</source>
        <translation>请先完成或挂起当前交易</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="52" />
        <source>Which unit?</source>
        <translation>哪台主机？</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="53" />
        <source>Add to which unit?</source>
        <translation>加购到哪台主机？</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="71" />
        <source>refund {amount} against {receipt}</source>
        <translation>原单 {receipt} 退货退款 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="101" />
        <source>{receipt} voided: {amount} back</source>
        <translation>{receipt} 已作废：退款 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="123" />
        <source>Cancel this sale? Its lines are dropped.</source>
        <translation>取消本笔交易？已录入的商品将被清空。</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="129" />
        <source>Sale cancelled</source>
        <translation>交易已取消</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="161" />
        <source>Shift closed: Z {z}, over/short {diff}</source>
        <translation>已交班：Z {z}，长短款 {diff}</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="158" />
        <source>close the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="111" />
        <source>Refund {receipt}: {amount} back</source>
        <translation>退货单 {receipt}：退款 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till_after_sale.py" line="134" />
        <source>refund of {amount} for receipt {receipt}</source>
        <translation>退款 {amount}（原单 {receipt}）</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../checkout/after_sale.py" line="228" />
        <source>Audit trail</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="43" />
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="48" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="48" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="48" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="49" />
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="49" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="62" />
        <source>Close [Esc]</source>
        <translation>关闭 [Esc]</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="66" />
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="80" />
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="81" />
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="82" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="83" />
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="84" />
        <source>Sale cancelled</source>
        <translation>交易取消</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="85" />
        <source>Discount beyond the limit</source>
        <translation>超限折扣</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="86" />
        <source>Price override</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="87" />
        <source>Drawer opened</source>
        <translation>开钱箱</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="88" />
        <source>Cash paid in</source>
        <translation>现金存入</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="89" />
        <source>Cash paid out</source>
        <translation>现金支出</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="90" />
        <source>Shift opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="91" />
        <source>Shift closed</source>
        <translation>关班</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="93" />
        <source>PIN changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="94" />
        <source>Staff member added</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="95" />
        <source>Staff record sealed</source>
        <translation>员工记录存证</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="96" />
        <source>Setting sealed</source>
        <translation>设置存证</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="97" />
        <source>Setting changed</source>
        <translation>设置变更</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="98" />
        <source>Store or printer details changed</source>
        <translation>门店或打印机信息变更</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="99" />
        <source>Stock set by an import</source>
        <translation>导入设定库存</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="100" />
        <source>Journal behind its witness</source>
        <translation>日志落后于见证记录</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="106" />
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="106" />
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="107" />
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="107" />
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="108" />
        <source>Float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="108" />
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="109" />
        <source>Before discount</source>
        <translation>折前</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="109" />
        <source>Price was</source>
        <translation>原价</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="110" />
        <source>Price now</source>
        <translation>现价</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="110" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="110" />
        <source>Z report</source>
        <translation>Z 报表</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="111" />
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="111" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="112" />
        <source>Cards cancelled</source>
        <translation>作废服务卡</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="112" />
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="113" />
        <source>For</source>
        <translation>授权事项</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="113" />
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="113" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="114" />
        <source>Wrong PINs in a row</source>
        <translation>连续密码错误次数</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="114" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="115" />
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="115" />
        <source>Was</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="115" />
        <source>Now</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="116" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="117" />
        <source>Opened by</source>
        <translation>开班人</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="117" />
        <source>Opened by a sale</source>
        <translation>由销售自动开班</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="118" />
        <source>Taken over at an upgrade</source>
        <translation>升级时接管</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="118" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="119" />
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="119" />
        <source>Witnessed entry</source>
        <translation>见证条目</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="120" />
        <source>Last entry</source>
        <translation>最新条目</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="120" />
        <source>Entries lost</source>
        <translation>丢失条目</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="121" />
        <source>Entries rewritten</source>
        <translation>改写条目</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="126" />
        <source>cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="126" />
        <source>installer</source>
        <translation>安装员</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="127" />
        <source>manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="127" />
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="157" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="157" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="163" />
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="201" />
        <source>{n} events</source>
        <translation>共 {n} 条</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="101" />
        <source>Store set up</source>
        <translation>门店创建</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="122" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="123" />
        <source>Tills</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="106" />
        <source>Product added</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="107" />
        <source>Reorder point set</source>
        <translation>设置补货点</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="108" />
        <source>Store added</source>
        <translation>新增门店</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="132" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="132" />
        <source>Product code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="127" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="128" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="128" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="129" />
        <source>VAT rate</source>
        <translation>增值税率</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="168" />
        <source>{n} entries</source>
        <translation>{n} 项</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="199" />
        <source>catalog import</source>
        <translation>商品目录导入</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="96" />
        <source>Wrong PIN</source>
        <translation>密码输入错误</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="88" />
        <source>Cash drawer kicked open</source>
        <translation>钱箱已弹开</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="88" />
        <source>Till</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../audit_view.py" line="88" />
        <source>Print job</source>
        <translation>打印任务</translation>
    </message>
    <message>
        <source>customer manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Customer account terms sealed</source>
        <translation>客户账户条款已封存</translation>
    </message>
    <message>
        <source>Handed over to a team</source>
        <translation>转单</translation>
    </message>
    <message>
        <source>Quote issued</source>
        <translation>开出报价单</translation>
    </message>
    <message>
        <source>Quote opened at its prices</source>
        <translation>按报价单价格开单</translation>
    </message>
    <message>
        <source>Invoice requested</source>
        <translation>申请发票</translation>
    </message>
    <message>
        <source>Service card confirmations</source>
        <translation>服务卡确认</translation>
    </message>
    <message>
        <source>Service job</source>
        <translation>服务单</translation>
    </message>
    <message>
        <source>Service card claim</source>
        <translation>服务卡理赔</translation>
    </message>
    <message>
        <source>Unit registered on a card</source>
        <translation>服务卡登记机器</translation>
    </message>
    <message>
        <source>Store price set</source>
        <translation>门店价格已设定</translation>
    </message>
    <message>
        <source>Store price cleared</source>
        <translation>门店价格已取消</translation>
    </message>
    <message>
        <source>Store price kept over head office's</source>
        <translation>保留门店价格（不采用总部价格）</translation>
    </message>
    <message>
        <source>PIN set by a manager</source>
        <translation>经理设定了PIN</translation>
    </message>
    <message>
        <source>Staff member changed by head office</source>
        <translation>总部变更了员工</translation>
    </message>
</context>
<context>
    <name>BusyBanner</name>
    <message>
        <location filename="../ops/running.py" line="204" />
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>CardPrompt</name>
    <message>
        <location filename="../checkout/dialogs.py" line="61" />
        <source>Service card</source>
        <translation>服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="63" />
        <source>{unit} has no service card yet. Did you offer one?</source>
        <translation>{unit} 还没有服务卡。推荐过了吗？</translation>
    </message>
    <message>
        <source>Offer a card now [Enter]</source>
        <translation>现在推荐 [Enter]</translation>
    </message>
    <message>
        <source>Customer declined [Ctrl+0]</source>
        <translation>顾客拒绝 [Ctrl+0]</translation>
    </message>
</context>
<context>
    <name>CardsPanel</name>
    <message>
        <location filename="../checkout/cards_panel.py" line="56" />
        <source>Service cards (Ctrl+number)</source>
        <translation>服务卡 (Ctrl+数字)</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="85" />
        <source>Card chosen</source>
        <translation>已选服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="86" />
        <source>Card declined</source>
        <translation>顾客拒绝服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="87" />
        <source>Not asked yet</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="98" />
        <source>lifetime</source>
        <translation>终身</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="99" />
        <source>{months} months</source>
        <translation>{months} 个月</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="100" />
        <source>on-site</source>
        <translation>上门</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="101" />
        <source>carry-in</source>
        <translation>送修</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="102" />
        <source> · {n} PCs</source>
        <translation> · {n} 台电脑</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="109" />
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../checkout/cards_panel.py" line="110" />
        <source>customer said no</source>
        <translation>顾客拒绝</translation>
    </message>
    <message>
        <source>Card held</source>
        <translation>已有服务卡</translation>
    </message>
    <message>
        <source>This unit holds: {cards}</source>
        <translation>本机已有：{cards}</translation>
    </message>
    <message>
        <source>A card was declined at the counter ({receipt})</source>
        <translation>柜台销售时顾客已拒绝服务卡（{receipt}）</translation>
    </message>
    <message>
        <source>held</source>
        <translation>已持有</translation>
    </message>
    <message>
        <source>{card}, for life</source>
        <translation>{card}（终身）</translation>
    </message>
    <message>
        <source>{card} until {day}</source>
        <translation>{card}（至 {day}）</translation>
    </message>
</context>
<context>
    <name>CartActions</name>
    <message>
        <location filename="../checkout/till_cart.py" line="76" />
        <source>Tap a line in the cart first</source>
        <translation>请先点选购物车中的一行</translation>
    </message>
    <message>
        <location filename="../checkout/till_cart.py" line="87" />
        <source>Sale parked</source>
        <translation>已挂单</translation>
    </message>
    <message>
        <location filename="../checkout/till_cart.py" line="96" />
        <source>No parked sales on this till</source>
        <translation>本收银台没有挂单</translation>
    </message>
    <message>
        <location filename="../checkout/till_cart.py" line="99" />
        <source>Finish or park the current sale first</source>
        <translation>请先完成或挂起当前交易</translation>
    </message>
</context>
<context>
    <name>CartView</name>
    <message>
        <location filename="../checkout/cart_view.py" line="19" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="19" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="19" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="20" />
        <source>Serial / IMEI</source>
        <translation>序列号/IMEI</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="43" />
        <source>{price} each</source>
        <translation>单价 {price}</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="45" />
        <source>discount {amount}</source>
        <translation>优惠 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="47" />
        <source>gift pack</source>
        <translation>礼包</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="49" />
        <source>price changed: {reason}</source>
        <translation>改价：{reason}</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="52" />
        <source>needed</source>
        <translation>待录入</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="71" />
        <source>only {n} in stock</source>
        <translation>库存仅剩 {n} 件</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="72" />
        <source>out of stock</source>
        <translation>无库存</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="1" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../checkout/cart_view.py" line="1" />
        <source>In stock at this store</source>
        <translation>本店库存</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../close_shift.py" line="18" />
        <source>Close the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>A sale is open at this till: complete, park or cancel it before closing the shift.</source>
        <translation>本收银台有未结的销售：请先完成、挂单或取消，再交班。</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>close the shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Back to the count [Esc]</source>
        <translation>返回点钞 [Esc]</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Submit the count [F12]</source>
        <translation>提交点钞 [F12]</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Confirm and close the shift [F12]</source>
        <translation>确认交班 [F12]</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Blind count: count what is in the drawer. The expected cash shows once the count is submitted.</source>
        <translation>盲点：请清点钱箱中的现金。提交点钞后才显示应有金额。</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Expected in the drawer: {cash}</source>
        <translation>钱箱应有：{cash}</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>{n} parked sale(s) stay parked: they complete in the next shift.</source>
        <translation>{n} 笔挂单保持挂起：将在下一班完成。</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Counted {counted}</source>
        <translation>已点 {counted}</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Check the count before the shift is closed.</source>
        <translation>交班前请核对点钞结果。</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Expected in the drawer</source>
        <translation>钱箱应有</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Over / short</source>
        <translation>长短款</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Closing takes the next Z number and cannot be undone. The Z report prints on the receipt printer and is saved as a PDF.</source>
        <translation>交班将使用下一个 Z 号，且不可撤销。Z 报表将在小票打印机上打印，并另存为 PDF。</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Short</source>
        <translation>短款</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Over</source>
        <translation>长款</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Exact</source>
        <translation>无差额</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Shift opened {opened} · sales: {sales}</source>
        <translation>开班 {opened} · 销售 {sales} 笔</translation>
    </message>
    <message>
        <location filename="../close_shift.py" line="1" />
        <source>Shift closed: Z {z} · over/short {diff}</source>
        <translation>已交班：Z {z} · 长短款 {diff}</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <location filename="../commission_screen.py" line="34" />
        <source>Commission statement</source>
        <translation>提成结算单</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="38" />
        <source>The month of the statement</source>
        <translation>结算月份</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="41" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="44" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="62" />
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="63" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="66" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="100" />
        <source>Adding up {month}…</source>
        <translation>正在统计 {month}…</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="120" />
        <source>Commission statement: {scope} · {month}</source>
        <translation>提成结算单：{scope} · {month}</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="123" />
        <source>Total commissions {total}</source>
        <translation>提成合计 {total}</translation>
    </message>
    <message>
        <location filename="../commission_screen.py" line="132" />
        <source>Nobody sold anything in this month.</source>
        <translation>本月没有任何人有销售。</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Consumer</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Business</source>
        <translation>企业客户</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Another customer [F4]</source>
        <translation>换一位客户 [F4]</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Find a customer by phone, or add a new one</source>
        <translation>按手机号查找客户，或新建客户</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Use for this sale [Enter]</source>
        <translation>用于本单 [Enter]</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Back [Esc]</source>
        <translation>返回 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Add and use [Enter]</source>
        <translation>新建并用于本单 [Enter]</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Find [Enter]</source>
        <translation>查找 [Enter]</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>Close [Esc]</source>
        <translation>关闭 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/customer_dialog.py" />
        <source>No customer has this number yet. Type their name and press Enter to add them to the sale.</source>
        <translation>还没有客户使用这个号码。输入姓名后按 Enter，即可新建客户并用于本单。</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Open account</source>
        <translation>开户</translation>
    </message>
    <message>
        <source>Business details</source>
        <translation>企业信息</translation>
    </message>
    <message>
        <source>Save [Enter]</source>
        <translation>保存 [Enter]</translation>
    </message>
    <message>
        <source>Pre-order</source>
        <translation>预订</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <location filename="../first_run_files.py" line="49" />
        <source>Catalog and sheets</source>
        <translation>商品目录与配置单</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="52" />
        <source>Import the store's products and its configuration sheets now, or later with pos catalog import and pos checklists import. Each file is checked before anything is saved.</source>
        <translation>现在导入门店的商品和配置单，或以后用 pos catalog import 和 pos checklists import 导入。每个文件都会先检查，无误后才保存。</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="55" />
        <source>Categories</source>
        <translation>商品分类</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="56" />
        <source>Catalog (CSV)</source>
        <translation>商品目录 (CSV)</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="57" />
        <source>Sheets and cards (TOML)</source>
        <translation>配置单与服务卡 (TOML)</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="58" />
        <source>the standard categories</source>
        <translation>标准分类</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="59" />
        <source>no catalog yet</source>
        <translation>暂不导入商品</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="60" />
        <source>no sheets yet</source>
        <translation>暂不导入配置单</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="62" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="63" />
        <source>The standard categories are desktop PCs, notebooks, phones, tablets, cameras and their accessories; a catalog names them by code (NOTEBOOK, PHONE…). The README describes both files.</source>
        <translation>标准分类包括台式电脑、笔记本、手机、平板、相机及其配件；商品目录按分类编号引用（NOTEBOOK、PHONE…）。两种文件的格式见 README。</translation>
    </message>
</context>
<context>
    <name>FindSaleDialog</name>
    <message>
        <location filename="../checkout/after_sale.py" line="28" />
        <source>Find a sale</source>
        <translation>查找销售单</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="30" />
        <source>Scan the receipt or sheet barcode, or type a receipt number, phone or serial</source>
        <translation>扫描小票或配置单条码，或输入单号、手机号、序列号</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="37" />
        <source>Sell add-ons on site</source>
        <translation>上门加购</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="40" />
        <source>Return / refund</source>
        <translation>退货/退款</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="42" />
        <source>Void (today's sales)</source>
        <translation>作废（仅当天）</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="45" />
        <source>Reprint receipt and sheet</source>
        <translation>补打小票和配置单</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="86" />
        <source>sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="86" />
        <source>add-on</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="87" />
        <source>refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="87" />
        <source>void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="98" />
        <source>No sale found</source>
        <translation>未找到销售单</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="108" />
        <source>Find the sale first</source>
        <translation>请先查找销售单</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="58" />
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="64" />
        <source>Return without a receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="66" />
        <source>Close [Esc]</source>
        <translation>关闭 [Esc]</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../first_run.py" line="123" />
        <source>Step {n} of {total}</source>
        <translation>第 {n} 步，共 {total} 步</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="128" />
        <source>Back [Esc]</source>
        <translation>上一步 [Esc]</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="129" />
        <source>Create the store [Enter]</source>
        <translation>创建门店 [Enter]</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="130" />
        <source>Next [Enter]</source>
        <translation>下一步 [Enter]</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="286" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="294" />
        <source>Test page sent to {where}. Check the paper.</source>
        <translation>测试页已发送到 {where}，请查看打印效果。</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="308" />
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="310" />
        <source>as in the database</source>
        <translation>沿用数据库中的分类</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="312" />
        <source>the {n} standard categories</source>
        <translation>{n} 个标准分类</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="314" />
        <source>{n} from the file</source>
        <translation>从文件导入 {n} 个</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="315" />
        <source>PDF previews</source>
        <translation>PDF 预览</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="317" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="318" />
        <source>Details</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="320" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="321" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="322" />
        <source>Tills</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="322" />
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="324" />
        <source>Categories</source>
        <translation>商品分类</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="325" />
        <source>Catalog</source>
        <translation>商品目录</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="325" />
        <source>{n} products</source>
        <translation>{n} 件商品</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="327" />
        <source>Sheets and cards</source>
        <translation>配置单与服务卡</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="328" />
        <source>{sheets} sheets, {tiers} service tiers</source>
        <translation>{sheets} 张配置单，{tiers} 种服务卡</translation>
    </message>
    <message>
        <location filename="../first_run.py" line="330" />
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
</context>
<context>
    <name>ItemsChart</name>
    <message>
        <location filename="../report_charts.py" line="111" />
        <source>Sheet items: sold (green), declined (red), not offered (grey)</source>
        <translation>配置单项目：已售（绿）、拒绝（红）、未推荐（灰）</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="131" />
        <source>Show the first {n}</source>
        <translation>只显示前 {n} 项</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="132" />
        <source>Show all ({n})</source>
        <translation>显示全部（{n}）</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="135" />
        <source>{name} ({code}): sold {sold} · declined {declined} · not offered {not_offered}, of {units} units</source>
        <translation>{name}（{code}）：已售 {sold} · 拒绝 {declined} · 未推荐 {not_offered}，共 {units} 台</translation>
    </message>
</context>
<context>
    <name>KpiSummary</name>
    <message>
        <location filename="../report_charts.py" line="162" />
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="163" />
        <source>Main units (desktop PCs, notebooks, phones, tablets, cameras) sold in the period and not returned or voided.</source>
        <translation>本期售出且未退货、未作废的主机台数（台式电脑、笔记本、手机、平板、相机）。</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="165" />
        <source>Attach rate</source>
        <translation>连带率</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="167" />
        <source>Units that left with at least one sheet item sold ÷ units (0–100%).</source>
        <translation>至少售出一项配置单项目的台数 ÷ 台数（0–100%）。</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="168" />
        <source>Items per unit</source>
        <translation>台均配件数</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="169" />
        <source>Sheet items sold ÷ units ({items} ÷ {units}); a separate figure from the attach rate.</source>
        <translation>售出配置单项目数 ÷ 台数（{items} ÷ {units}）；与连带率是两个不同的指标。</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="171" />
        <source>Service-card take-up</source>
        <translation>服务卡购买率</translation>
    </message>
    <message>
        <location filename="../report_charts.py" line="173" />
        <source>Units sold with a service card ÷ units of the categories that offer one (a tier counts only the categories that offer it).</source>
        <translation>带服务卡售出的台数 ÷ 可购服务卡品类的台数（每个等级只计适用该等级的品类）。</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../login.py" line="104" />
        <source>Who is at the till?</source>
        <translation>谁在收银？</translation>
    </message>
    <message>
        <location filename="../login.py" line="105" />
        <source>PIN</source>
        <translation>密码 (PIN)</translation>
    </message>
    <message>
        <location filename="../login.py" line="106" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../login.py" line="118" />
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../login.py" line="118" />
        <source>Installer</source>
        <translation>安装员</translation>
    </message>
    <message>
        <location filename="../login.py" line="119" />
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../login.py" line="119" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../login.py" line="124" />
        <location filename="../login.py" line="126" />
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../login.py" line="219" />
        <source>Tap your name first</source>
        <translation>请先点选您的名字</translation>
    </message>
    <message>
        <source>← → choose who, then the PIN and Enter</source>
        <translation>← → 选择收银员，再输入密码并按 Enter</translation>
    </message>
    <message>
        <source>Customer manager</source>
        <translation>客户经理</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="46" />
        <source>Tickbox POS</source>
        <translation>Tickbox 收银系统</translation>
    </message>
    <message>
        <source>Stock [F5]</source>
        <translation>库存 [F5]</translation>
    </message>
    <message>
        <source>Quotes [Shift+F4]</source>
        <translation>报价单 [Shift+F4]</translation>
    </message>
    <message>
        <source>Accounts [Shift+F5]</source>
        <translation>客户账户 [Shift+F5]</translation>
    </message>
    <message>
        <source>Leads [Shift+F6]</source>
        <translation>商机 [Shift+F6]</translation>
    </message>
    <message>
        <source>Jobs [Shift+F9]</source>
        <translation>工单 [Shift+F9]</translation>
    </message>
    <message>
        <source>Finish or park the current sale first</source>
        <translation>请先完成或挂起当前销售</translation>
    </message>
    <message>
        <source>On job {job}: sell what the customer takes</source>
        <translation>工单 {job}：销售客户要的商品</translation>
    </message>
</context>
<context>
    <name>ManagerApprovalDialog</name>
    <message>
        <location filename="../checkout/after_sale.py" line="120" />
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="121" />
        <source>A manager must approve: {what}</source>
        <translation>需要店长授权：{what}</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="137" />
        <source>Manager PIN</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="204" />
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="207" />
        <source>Approve [Enter]</source>
        <translation>授权 [Enter]</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="245" />
        <source>Tap the manager's name first</source>
        <translation>请先点选店长</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="248" />
        <source>Type the manager's PIN</source>
        <translation>请输入店长密码</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../app.py" line="261" />
        <source>Tickbox POS could not start. What went wrong was written to the log; call the manager.</source>
        <translation>Tickbox 收银系统无法启动。出错的详情已写入日志，请联系店长。</translation>
    </message>
    <message>
        <location filename="../app.py" line="278" />
        <location filename="../messages.py" line="45" />
        <source>Something went wrong and was written to the log. Nothing was lost; try again, or call the manager if it happens again.</source>
        <translation>出现错误，已记录到日志。数据没有丢失；请重试，如再次出现请联系店长。</translation>
    </message>
    <message>
        <location filename="../messages.py" line="22" />
        <location filename="../messages.py" line="55" />
        <source>Tickbox POS</source>
        <translation>Tickbox 收银系统</translation>
    </message>
    <message>
        <source>OK [Enter]</source>
        <translation>确定 [Enter]</translation>
    </message>
    <message>
        <source>Yes [Enter]</source>
        <translation>是 [Enter]</translation>
    </message>
    <message>
        <source>No [Esc]</source>
        <translation>否 [Esc]</translation>
    </message>
</context>
<context>
    <name>ParkedDialog</name>
    <message>
        <location filename="../checkout/dialogs.py" line="140" />
        <source>Parked sales</source>
        <translation>挂单列表</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="143" />
        <source>{label} · {lines} · {total}</source>
        <translation>{label} · {lines} · {total}</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="116" />
        <source>1 line</source>
        <translation>1 行</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="117" />
        <source>{n} lines</source>
        <translation>{n} 行</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="125" />
        <source>Resume [Enter]</source>
        <translation>取单 [Enter]</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="126" />
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../checkout/payment.py" line="36" />
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="37" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="37" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="38" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="38" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="39" />
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="39" />
        <source>On account</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="43" />
        <source>{n} sheet items were not asked yet</source>
        <translation>配置单中有 {n} 项未询问</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="59" />
        <source>Amount received</source>
        <translation>实收金额</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="65" />
        <source>Reference (terminal slip or voucher code)</source>
        <translation>参考号（刷卡小票或代金券码）</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="67" />
        <source>Card last 4 digits</source>
        <translation>卡号后4位</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="74" />
        <source>Exact [F1]</source>
        <translation>足额 [F1]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="75" />
        <source>Next 50 [F2]</source>
        <translation>凑整50 [F2]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="76" />
        <source>Next 100 [F3]</source>
        <translation>凑整100 [F3]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="100" />
        <source>Complete sale [Enter]</source>
        <translation>完成交易 [Enter]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="105" />
        <source>Back to sale [Esc]</source>
        <translation>返回 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="169" />
        <source>Due {amount}</source>
        <translation>应付 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="171" />
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="179" />
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/payment.py" line="204" />
        <source>Each payment must be more than zero</source>
        <translation>每笔付款金额必须大于零</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Invoice requested (fapiao)</source>
        <translation>需要开发票</translation>
    </message>
    <message>
        <source>This customer has no open pre-order with a deposit</source>
        <translation>该客户没有交了定金的未完成预订</translation>
    </message>
</context>
<context>
    <name>PaymentFlow</name>
    <message>
        <location filename="../checkout/till_payment.py" line="35" />
        <source>The cart is empty</source>
        <translation>购物车为空</translation>
    </message>
    <message>
        <location filename="../checkout/till_payment.py" line="88" />
        <source>Completing the sale…</source>
        <translation>正在完成交易…</translation>
    </message>
    <message>
        <location filename="../checkout/till_payment.py" line="101" />
        <source>Sale {receipt} complete · Change {change}</source>
        <translation>交易 {receipt} 已完成 · 找零 {change}</translation>
    </message>
    <message>
        <source>Sale {receipt} complete</source>
        <translation>交易 {receipt} 已完成</translation>
    </message>
    <message>
        <source>Change due</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Received {tendered} · Total {total} · {receipt}</source>
        <translation>实收 {tendered} · 合计 {total} · {receipt}</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <source>Total {total} · {receipt}</source>
        <translation>合计 {total} · {receipt}</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <location filename="../first_run_files.py" line="113" />
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="116" />
        <source>Where this till prints its receipts. Without a printer, receipts are saved as PDF previews in the data folder.</source>
        <translation>本收银台的小票打印位置。没有打印机时，小票以 PDF 预览保存在数据文件夹中。</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="118" />
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="119" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="120" />
        <source>Paper</source>
        <translation>纸宽</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="121" />
        <source>None yet: PDF previews</source>
        <translation>暂无打印机：保存为 PDF 预览</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="122" />
        <source>Network printer (IP address)</source>
        <translation>网络打印机（IP 地址）</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="123" />
        <source>USB, serial or file (printer URI)</source>
        <translation>USB、串口或文件（打印机 URI）</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="125" />
        <source>Print a test page [F5]</source>
        <translation>打印测试页 [F5]</translation>
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
    <message>
        <location filename="../checkout/print_jobs.py" line="1" />
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="1" />
        <source>Z report</source>
        <translation>Z 报表</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="1" />
        <source>An internal error (written to the log)</source>
        <translation>内部错误（已写入日志）</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="1" />
        <source>The sales themselves are safe.</source>
        <translation>销售记录不受影响。</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="1" />
        <source>These jobs failed on an internal error, written to the log; retry, or call support if it happens again.</source>
        <translation>这些任务因内部错误未能打印，已写入日志；请重试，如再次发生请联系技术支持。</translation>
    </message>
    <message>
        <location filename="../checkout/print_jobs.py" line="1" />
        <source>Each job says why it did not print: put that right, then retry.</source>
        <translation>每个任务都注明了未能打印的原因：处理后重试。</translation>
    </message>
</context>
<context>
    <name>PrintingActions</name>
    <message>
        <location filename="../checkout/till_printing.py" line="28" />
        <source>Print failed: {n}</source>
        <translation>打印失败：{n}</translation>
    </message>
    <message>
        <location filename="../checkout/till_printing.py" line="31" />
        <source>Printer OK</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <location filename="../checkout/till_printing.py" line="40" />
        <source>Every print job has printed</source>
        <translation>所有打印任务均已完成</translation>
    </message>
    <message>
        <location filename="../checkout/till_printing.py" line="60" />
        <source>Reprinting {receipt}</source>
        <translation>正在补打 {receipt}</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../report_screen.py" line="74" />
        <location filename="../report_screen.py" line="223" />
        <source>Sales report</source>
        <translation>销售报表</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="79" />
        <source>Adding up the day…</source>
        <translation>正在统计当天数据…</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="109" />
        <source>Day</source>
        <translation>按日</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="109" />
        <source>Week</source>
        <translation>按周</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="110" />
        <source>Month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="110" />
        <source>From–to</source>
        <translation>自定起止</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="112" />
        <source>The day of the date, its week (Monday to Sunday), its month, or the days from–to</source>
        <translation>所选日期当天、当周（周一至周日）、当月，或自定起止日期</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="115" />
        <source>The day reported (or a day of the week or month)</source>
        <translation>报表日期（或该周、该月中的任一天）</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="117" />
        <source>First day</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="118" />
        <source>Last day</source>
        <translation>截止日</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="121" />
        <source>Refresh [F5]</source>
        <translation>刷新 [F5]</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="136" />
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="137" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="140" />
        <source>Commissions…</source>
        <translation>提成…</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="142" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="188" />
        <source>Adding up {dates}…</source>
        <translation>正在统计 {dates}…</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="214" />
        <source>{scope} · {dates}</source>
        <translation>{scope} · {dates}</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="223" />
        <source>Day report</source>
        <translation>日报表</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="224" />
        <source>{title}: {what}</source>
        <translation>{title}：{what}</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="228" />
        <source>Net {net}</source>
        <translation>净额 {net}</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="234" />
        <source>Attach rate by salesperson</source>
        <translation>各销售员连带率</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="237" />
        <source>Service-card take-up by tier</source>
        <translation>各等级服务卡购买率</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="243" />
        <source>Per salesperson</source>
        <translation>按销售员</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="247" />
        <source>Commissions, month to date ({dates})</source>
        <translation>本月累计提成（{dates}）</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="248" />
        <source>Commissions ({dates})</source>
        <translation>提成（{dates}）</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="279" />
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="279" />
        <source>Add-ons</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="280" />
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="280" />
        <source>Voids</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="281" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="281" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="282" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="282" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="283" />
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="283" />
        <source>On account</source>
        <translation>挂账</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="284" />
        <source>Exchange credit</source>
        <translation>换货抵扣</translation>
    </message>
    <message>
        <location filename="../report_screen.py" line="1" />
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Sales on account</source>
        <translation>挂账销售</translation>
    </message>
    <message>
        <source>Refunds to account</source>
        <translation>退回账户</translation>
    </message>
    <message>
        <source>Payments received</source>
        <translation>收回欠款</translation>
    </message>
    <message>
        <source>Written off</source>
        <translation>坏账核销</translation>
    </message>
    <message>
        <source>Deposits taken</source>
        <translation>收取定金</translation>
    </message>
    <message>
        <source>Deposits paid back</source>
        <translation>退还定金</translation>
    </message>
    <message>
        <source>Deposits used on sales</source>
        <translation>定金抵扣货款</translation>
    </message>
    <message>
        <source>Deposits held</source>
        <translation>定金结存</translation>
    </message>
    <message>
        <source>Customer accounts and deposits</source>
        <translation>客户账款与定金</translation>
    </message>
    <message>
        <source>Money in</source>
        <translation>实收款项</translation>
    </message>
</context>
<context>
    <name>ReportScreen</name>
    <message>
        <location filename="../report_parts.py" line="43" />
        <source>Store {code}</source>
        <translation>门店 {code}</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="45" />
        <source>Till {code} (store {store})</source>
        <translation>收银台 {code}（门店 {store}）</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="47" />
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="75" />
        <source>Which store or till the report covers</source>
        <translation>报表统计的门店或收银台</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="161" />
        <source>Salesperson</source>
        <translation>销售员</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="162" />
        <source>Units</source>
        <translation>台数</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="163" />
        <source>With items</source>
        <translation>有连带</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="164" />
        <source>Attach rate</source>
        <translation>连带率</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="165" />
        <source>Items</source>
        <translation>配件数</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="166" />
        <source>Items per unit</source>
        <translation>台均配件数</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="167" />
        <source>Cards</source>
        <translation>服务卡</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="168" />
        <source>Sales</source>
        <translation>销售额</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="180" />
        <source>Person</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="181" />
        <source>Scheme</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="182" />
        <source>Sold</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="183" />
        <source>Returns</source>
        <translation>退货冲回</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="184" />
        <source>Basis</source>
        <translation>计提基数</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="185" />
        <source>Step · rate</source>
        <translation>档位 · 比例</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="186" />
        <source>Amount</source>
        <translation>提成额</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="187" />
        <source>No scheme</source>
        <translation>无方案</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="191" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="197" />
        <source>Store net sales {net} · returns without a receipt (nobody's sale) {unattributed}</source>
        <translation>门店净销售额 {net} · 无小票退货（不计入个人）{unattributed}</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="215" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="216" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="225" />
        <source>Save as CSV</source>
        <translation>另存为 CSV</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="226" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../report_parts.py" line="242" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../checkout/after_sale.py" line="162" />
        <source>Return against {receipt}</source>
        <translation>退货（原单 {receipt}）</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="282" />
        <source>Receipt {receipt} · {when} · paid {amount}</source>
        <translation>小票 {receipt} · {when} · 实付 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="303" />
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="306" />
        <source>Exchange instead</source>
        <translation>改为换货</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="351" />
        <source>Choose what comes back: how many of which line</source>
        <translation>请选择退回哪些商品、各退几件</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="396" />
        <source>Choose what comes back</source>
        <translation>请选择退回的商品</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="397" />
        <source>Refund [Enter]</source>
        <translation>退款 [Enter]</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="399" />
        <source>Back to the customer: …</source>
        <translation>退还顾客：…</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="403" />
        <source>Back to the customer: {amount}</source>
        <translation>退还顾客：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale.py" line="405" />
        <source>Refund {amount} [Enter]</source>
        <translation>退款 {amount} [Enter]</translation>
    </message>
</context>
<context>
    <name>ScanActions</name>
    <message>
        <location filename="../checkout/till_scan.py" line="79" />
        <source>stock {n}</source>
        <translation>库存 {n}</translation>
    </message>
    <message>
        <source>Nothing is called '{text}': type a name or part of it</source>
        <translation>没有名为“{text}”的商品：请输入名称或其中一部分</translation>
    </message>
</context>
<context>
    <name>SerialDialog</name>
    <message>
        <location filename="../checkout/dialogs.py" line="21" />
        <source>Serial number</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="23" />
        <source>Scan the serial number or IMEI</source>
        <translation>请扫描序列号或IMEI</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="25" />
        <source>Serial number or IMEI of {unit}</source>
        <translation>{unit} 的序列号或IMEI</translation>
    </message>
    <message>
        <location filename="../checkout/dialogs.py" line="1" />
        <source>Manager override [F2]</source>
        <translation>店长授权 [F2]</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_screen.py" line="43" />
        <source>Store settings</source>
        <translation>门店设置</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="66" />
        <source>Save [Ctrl+S]</source>
        <translation>保存 [Ctrl+S]</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="69" />
        <source>Put the default back</source>
        <translation>恢复默认值</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="71" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="136" />
        <source>(default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="138" />
        <source>Takes: {what}</source>
        <translation>应填写：{what}</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="139" />
        <source>Default: {value}</source>
        <translation>默认值：{value}</translation>
    </message>
    <message>
        <location filename="../settings_screen.py" line="163" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>SheetItemRow</name>
    <message>
        <location filename="../checkout/sheet_delegate.py" line="84" />
        <source>Pack {price}: {parts}</source>
        <translation>礼包 {price}：{parts}</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_delegate.py" line="89" />
        <source>{price} · {name} · stock {stock}</source>
        <translation>{price} · {name} · 库存 {stock}</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_delegate.py" line="211" />
        <source>Show the sales script</source>
        <translation>显示话术</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_delegate.py" line="32" />
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_delegate.py" line="33" />
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_delegate.py" line="34" />
        <source>Not yet</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>Sold on site ({receipt})</source>
        <translation>上门已售（{receipt}）</translation>
    </message>
    <message>
        <source>Declined on site ({receipt})</source>
        <translation>上门已拒绝（{receipt}）</translation>
    </message>
    <message>
        <source>Sold at the counter</source>
        <translation>柜台已售</translation>
    </message>
    <message>
        <source>Declined at the counter</source>
        <translation>柜台已拒绝</translation>
    </message>
    <message>
        <source>Pack {price}</source>
        <translation>礼包 {price}</translation>
    </message>
    <message>
        <source>{price} · stock {stock}</source>
        <translation>{price} · 库存 {stock}</translation>
    </message>
</context>
<context>
    <name>SheetPanel</name>
    <message>
        <location filename="../checkout/sheet_panel.py" line="91" />
        <location filename="../checkout/sheet_panel.py" line="129" />
        <source>Configuration sheet</source>
        <translation>配置单</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="95" />
        <source>Scan a desktop PC, notebook, phone, tablet or camera to open its configuration sheet.</source>
        <translation>扫描台式机、笔记本、手机、平板或相机，即可打开其配置单。</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="145" />
        <source>Sheet: {unit}</source>
        <translation>配置单：{unit}</translation>
    </message>
    <message>
        <location filename="../checkout/sheet_panel.py" line="167" />
        <source>{asked} of {total} asked</source>
        <translation>已询问 {asked}/{total}</translation>
    </message>
    <message>
        <source>Next not asked [{key}]</source>
        <translation>下一项未询问 [{key}]</translation>
    </message>
    <message>
        <source>Add-on to sale {receipt} of {day}</source>
        <translation>追加销售：原单 {receipt}（{day}）</translation>
    </message>
    <message>
        <source>customer {name} ({phone})</source>
        <translation>客户 {name}（{phone}）</translation>
    </message>
    <message>
        <source>serial {serial}</source>
        <translation>序列号 {serial}</translation>
    </message>
</context>
<context>
    <name>StorePage</name>
    <message>
        <location filename="../first_run_pages.py" line="167" />
        <source>Your store</source>
        <translation>您的门店</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="170" />
        <source>Receipts and configuration sheets print these at the top.</source>
        <translation>小票和配置单的抬头会打印这些信息。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="171" />
        <source>Store name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="171" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="171" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="172" />
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="173" />
        <source>e.g. Tickbox Digital, Xujiahui store</source>
        <translation>例如：Tickbox 数码 徐家汇店</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="174" />
        <source>unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="175" />
        <source>Only the name is required; the rest can be added later (pos store set).</source>
        <translation>只有名称必填，其余可以以后补充（pos store set）。</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../first_run_files.py" line="170" />
        <source>Check and create</source>
        <translation>确认并创建</translation>
    </message>
    <message>
        <location filename="../first_run_files.py" line="173" />
        <source>This is what will be set up. Go back to change anything; nothing is saved until Create.</source>
        <translation>以下是将要设置的内容。如需修改请返回上一步；点击“创建”之前不会保存任何内容。</translation>
    </message>
</context>
<context>
    <name>TillLayout</name>
    <message>
        <source>Drawer [Shift+F12]</source>
        <translation>钱箱 [Shift+F12]</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="42" />
        <source>Lock</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="43" />
        <source>Printer OK</source>
        <translation>打印机正常</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="44" />
        <source>Reprint last [F11]</source>
        <translation>补打上单 [F11]</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="46" />
        <source>Find sale [F6]</source>
        <translation>查单 [F6]</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="47" />
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="48" />
        <source>Reports [F7]</source>
        <translation>报表 [F7]</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="49" />
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="60" />
        <source>Scan, or type a name, code or phone</source>
        <translation>扫码，或输入名称、编码或手机号</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="84" />
        <source>Customer [F4]</source>
        <translation>客户 [F4]</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="106" />
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="107" />
        <source>Cancel sale</source>
        <translation>取消交易</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="108" />
        <source>Park [F8]</source>
        <translation>挂单 [F8]</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="109" />
        <source>Resume [F9]</source>
        <translation>取单 [F9]</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="110" />
        <source>Pay [F12]</source>
        <translation>收款 [F12]</translation>
    </message>
    <message>
        <location filename="../checkout/till_layout.py" line="50" />
        <source>Settings [F10]</source>
        <translation>设置 [F10]</translation>
    </message>
    <message>
        <source>Lock [Ctrl+L]</source>
        <translation>锁屏 [Ctrl+L]</translation>
    </message>
    <message>
        <source>Audit [Shift+F7]</source>
        <translation>审计 [Shift+F7]</translation>
    </message>
    <message>
        <source>Close shift [Shift+F10]</source>
        <translation>交班 [Shift+F10]</translation>
    </message>
    <message>
        <source>Remove line [Ctrl+Del]</source>
        <translation>删除行 [Ctrl+Del]</translation>
    </message>
    <message>
        <source>Cancel sale [Shift+F8]</source>
        <translation>取消交易 [Shift+F8]</translation>
    </message>
    <message>
        <source>Search by name [F3]</source>
        <translation>按名称搜索 [F3]</translation>
    </message>
    <message>
        <source>Add this product [F2]</source>
        <translation>新增此商品 [F2]</translation>
    </message>
</context>
<context>
    <name>TillScreen</name>
    <message>
        <location filename="../checkout/till.py" line="96" />
        <source>Logged in: {name}</source>
        <translation>当前登录：{name}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="141" />
        <source>Items: {n}</source>
        <translation>件数：{n}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="143" />
        <source>Discount: {amount}</source>
        <translation>优惠：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="145" />
        <source>incl. VAT: {amount}</source>
        <translation>含增值税：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="147" />
        <source>Total {amount}</source>
        <translation>合计 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="166" />
        <source>Business</source>
        <translation>企业客户</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="167" />
        <source>Consumer</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="164" />
        <source>No customer yet: scan or type their phone number</source>
        <translation>尚无客户：请扫码或输入手机号</translation>
    </message>
    <message>
        <location filename="../checkout/till.py" line="151" />
        <source>Add-on to {receipt}: sell what goes with the unit</source>
        <translation>原单 {receipt} 加购：推荐主机配套商品</translation>
    </message>
    <message>
        <source>Finish or leave the payment first</source>
        <translation>请先完成或退出收款</translation>
    </message>
</context>
<context>
    <name>CustomerHistoryView</name>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Receipt</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Total</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>No sales yet</source>
        <translation>暂无购买记录</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Now</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>No units bought yet</source>
        <translation>暂无购买的主机</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Card</source>
        <translation>服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Unit</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Ends</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Card no.</source>
        <translation>卡号</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>No service cards yet</source>
        <translation>暂无服务卡</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>By</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>No follow-up calls yet</source>
        <translation>暂无回访记录</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Business</source>
        <translation>企业客户</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Consumer</source>
        <translation>个人客户</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Customer since {date} · {n} sales · {spent} spent</source>
        <translation>{date} 起为客户 · {n} 笔单据 · 累计消费 {spent}</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Showing the newest {shown} of {total}</source>
        <translation>显示最近 {shown} 条，共 {total} 条</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Returned</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Lifetime</source>
        <translation>终身</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Sales ({n})</source>
        <translation>购买记录 ({n})</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Units ({n})</source>
        <translation>主机 ({n})</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Service cards ({n})</source>
        <translation>服务卡 ({n})</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Follow-up calls ({n})</source>
        <translation>回访 ({n})</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Sale</source>
        <translation>销售单</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Add-on</source>
        <translation>加购单</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Refund</source>
        <translation>退货单</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Void</source>
        <translation>作废单</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Ended</source>
        <translation>已到期</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>After a purchase</source>
        <translation>购后回访</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Card renewal</source>
        <translation>服务卡续期</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Not called yet</source>
        <translation>未回访</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Reached</source>
        <translation>已联系</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Interested</source>
        <translation>有意向</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Declined calls</source>
        <translation>拒绝回访</translation>
    </message>
    <message>
        <location filename="../checkout/customer_history.py" />
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
</context>
<context>
    <name>CustomerBar</name>
    <message>
        <location filename="../checkout/customer_bar.py" />
        <source>Customer [F4]</source>
        <translation>客户 [F4]</translation>
    </message>
    <message>
        <location filename="../checkout/customer_bar.py" />
        <source>Customer's phone</source>
        <translation>客户手机号</translation>
    </message>
    <message>
        <location filename="../checkout/customer_bar.py" />
        <source>Customer's name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <location filename="../checkout/customer_bar.py" />
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/customer_bar.py" />
        <source>Type the customer's phone number, then Enter</source>
        <translation>输入客户手机号，然后按 Enter</translation>
    </message>
    <message>
        <location filename="../checkout/customer_bar.py" />
        <source>New customer: type their name, then Enter to add them to the sale</source>
        <translation>新客户：输入姓名，按 Enter 即新建客户并用于本单</translation>
    </message>
    <message>
        <location filename="../checkout/customer_bar.py" />
        <source>Looking the number up…</source>
        <translation>正在查找号码…</translation>
    </message>
</context>
<context>
    <name>ExchangeActions</name>
    <message>
        <location filename="../checkout/till_exchange.py" line="65" />
        <source>exchange: {amount} back against receipt {receipt}</source>
        <translation>换货退回 {amount}（原单 {receipt}）</translation>
    </message>
    <message>
        <location filename="../checkout/till_exchange.py" line="119" />
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till_exchange.py" line="160" />
        <source>return of {amount} without a receipt: {name}</source>
        <translation>无小票退货 {amount}：{name}</translation>
    </message>
    <message>
        <location filename="../checkout/till_exchange.py" line="174" />
        <source>Refund {receipt}: {amount} back</source>
        <translation>退货单 {receipt}：退款 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till_exchange.py" line="115" />
        <source>Exchange done · paid {amount}</source>
        <translation>换货完成 · 补款 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till_exchange.py" line="121" />
        <source>Exchange done · {amount} back to the customer</source>
        <translation>换货完成 · 退还顾客 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/till_exchange.py" line="124" />
        <source>Exchange done · nothing to pay</source>
        <translation>换货完成 · 无需补退</translation>
    </message>
    <message>
        <location filename="../checkout/till_exchange.py" line="125" />
        <source>{back} taken back, {sale} sold</source>
        <translation>退货单 {back}，新销售单 {sale}</translation>
    </message>
</context>
<context>
    <name>ExchangeDialog</name>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="38" />
        <source>Exchange against {receipt}</source>
        <translation>换货（原单 {receipt}）</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="41" />
        <source>Receipt {receipt} · {when} · paid {amount}</source>
        <translation>小票 {receipt} · {when} · 实付 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="54" />
        <source>Coming back</source>
        <translation>退回</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="58" />
        <source>Scan or type what the customer takes instead</source>
        <translation>扫描或输入顾客换取的商品</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="74" />
        <source>Remove line</source>
        <translation>删除此行</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="81" />
        <source>Going out</source>
        <translation>换出</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="91" />
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="94" />
        <source>Complete exchange</source>
        <translation>完成换货</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="311" />
        <source>Choose what comes back</source>
        <translation>请选择退回的商品</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="313" />
        <source>Back: …</source>
        <translation>退回：…</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="315" />
        <source>Back: {amount}</source>
        <translation>退回：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="316" />
        <source>New: {amount}</source>
        <translation>换出：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="321" />
        <source>Choose what comes back and scan what goes out</source>
        <translation>请选择退回的商品，并扫描换出的商品</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="322" />
        <source>Complete exchange [F12]</source>
        <translation>完成换货 [F12]</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="324" />
        <source>Customer pays {amount}</source>
        <translation>顾客补款 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="326" />
        <source>Take payment {amount} [F12]</source>
        <translation>收款 {amount} [F12]</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="329" />
        <source>Customer gets back {amount}</source>
        <translation>退还顾客 {amount}</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="331" />
        <source>Give back {amount} [F12]</source>
        <translation>退款 {amount} [F12]</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="333" />
        <source>Even exchange: nothing to pay</source>
        <translation>等价换货：无需补退</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="341" />
        <source>Choose what comes back: how many of which line</source>
        <translation>请选择退回哪些商品、各退几件</translation>
    </message>
    <message>
        <location filename="../checkout/exchange_dialog.py" line="344" />
        <source>Scan what the customer takes instead</source>
        <translation>请扫描顾客换取的商品</translation>
    </message>
</context>
<context>
    <name>MoneyBackChoice</name>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="202" />
        <source>Money back:</source>
        <translation>退款方式：</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="214" />
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="214" />
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="215" />
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="215" />
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="216" />
        <source>Voucher</source>
        <translation>代金券</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="216" />
        <source>On account</source>
        <translation>挂账</translation>
    </message>
</context>
<context>
    <name>NoReceiptReturnDialog</name>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="32" />
        <source>Return without a receipt</source>
        <translation>无小票退货</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="34" />
        <source>Scan or type the product's code</source>
        <translation>扫描或输入商品条码</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="35" />
        <source>No product yet</source>
        <translation>尚未选择商品</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="42" />
        <source>Price each (the catalog's at most)</source>
        <translation>单价（不超过目录价）</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="45" />
        <source>Why there is no receipt (required)</source>
        <translation>无小票原因（必填）</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="48" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="50" />
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="51" />
        <source>Price each</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="52" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="58" />
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="61" />
        <source>Refund in cash</source>
        <translation>现金退款</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="128" />
        <source>Back to the customer in cash: {amount}</source>
        <translation>以现金退还顾客：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="140" />
        <source>Scan the product first</source>
        <translation>请先扫描商品</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="143" />
        <source>Type the price each</source>
        <translation>请输入单价</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="146" />
        <source>At most the catalog's price: {amount}</source>
        <translation>单价不能超过目录价：{amount}</translation>
    </message>
    <message>
        <location filename="../checkout/no_receipt_dialog.py" line="150" />
        <source>Say why there is no receipt</source>
        <translation>请填写无小票原因</translation>
    </message>
</context>
<context>
    <name>ReturnLines</name>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="151" />
        <source>{n} can come back</source>
        <translation>可退 {n}</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="152" />
        <source>already back</source>
        <translation>已全部退回</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="169" />
        <source>What was sold with a returned unit comes back too</source>
        <translation>随主机售出的配件和服务卡一并退回</translation>
    </message>
    <message>
        <location filename="../checkout/after_sale_parts.py" line="169" />
        <source>{n} sold · {amount}</source>
        <translation>售出 {n} 件 · {amount}</translation>
    </message>
</context>
<context>
    <name>TillsPage</name>
    <message>
        <location filename="../first_run_pages.py" line="245" />
        <source>Tills</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="248" />
        <source>Each till has a short code (printed on receipts: T01-000123) and a name. More can be added later.</source>
        <translation>每个收银台有一个简短编号（打印在小票上：T01-000123）和一个名称。以后还可以添加。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="250" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="251" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="252" />
        <source>Add a till [F3]</source>
        <translation>添加收银台 [F3]</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="253" />
        <source>This computer is till {code}.</source>
        <translation>本机是收银台 {code}。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="255" />
        <source>Front till</source>
        <translation>前台收银</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../first_run_pages.py" line="108" />
        <source>Welcome to Tickbox POS</source>
        <translation>欢迎使用 Tickbox 收银系统</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="112" />
        <source>This database has no store yet. Set up your own store in a few steps: its details, an administrator, the tills, the catalog and the receipt printer. Or load the demo store to look around first.</source>
        <translation>此数据库还没有门店。只需几步即可设置您自己的门店：门店信息、管理员、收银台、商品目录和小票打印机。也可以先载入演示门店看看。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="115" />
        <source>Language of the till, receipts and sheets</source>
        <translation>收银台、小票和配置单的语言</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="116" />
        <source>Switches at once; change it later with pos store set locale=en (or zh_CN).</source>
        <translation>立即切换；以后可用 pos store set locale=zh_CN（或 en）修改。</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="117" />
        <source>Set up my store [Enter]</source>
        <translation>设置我的门店 [Enter]</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="118" />
        <source>Load the demo store [F2]</source>
        <translation>载入演示门店 [F2]</translation>
    </message>
    <message>
        <location filename="../first_run_pages.py" line="120" />
        <source>The demo fills this database with a sample electronics store, its staff and their PINs (in the README). Set up your own store on an empty database.</source>
        <translation>演示会在此数据库中建立一家示例数码门店，包括员工及其密码（见 README）。请在空数据库中设置您自己的门店。</translation>
    </message>
</context>
<context>
    <name>NewProductDialog</name>
    <message>
        <source>Add a product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <source>As on the box, e.g. Baseus 65W GaN charger</source>
        <translation>与包装上一致，例如 倍思 65W 氮化镓充电器</translation>
    </message>
    <message>
        <source>Shelf price, e.g. 199.00</source>
        <translation>货架售价，例如 199.00</translation>
    </message>
    <message>
        <source>From the delivery note, e.g. 99.00</source>
        <translation>见送货单，例如 99.00</translation>
    </message>
    <message>
        <source>Empty: the category's usual rate</source>
        <translation>留空：按类别的通常税率</translation>
    </message>
    <message>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>增值税率 %</translation>
    </message>
    <message>
        <source>Add and sell [Enter]</source>
        <translation>新增并销售 [Enter]</translation>
    </message>
    <message>
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
</context>
<context>
    <name>CashDrawerDialog</name>
    <message>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <source>Open the drawer</source>
        <translation>打开钱箱</translation>
    </message>
    <message>
        <source>Paid in</source>
        <translation>存入现金</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>支出现金</translation>
    </message>
    <message>
        <source>Amount, e.g. 50.00</source>
        <translation>金额，例如 50.00</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <source>Record paid in</source>
        <translation>记录存入</translation>
    </message>
    <message>
        <source>Record paid out</source>
        <translation>记录支出</translation>
    </message>
    <message>
        <source>Why it opens without a sale (required)</source>
        <translation>无销售开钱箱的原因（必填）</translation>
    </message>
    <message>
        <source>Where the cash comes from (required)</source>
        <translation>现金来源（必填）</translation>
    </message>
    <message>
        <source>What the cash pays for (required)</source>
        <translation>现金用途（必填）</translation>
    </message>
    <message>
        <source>Type an amount above zero</source>
        <translation>请输入大于零的金额</translation>
    </message>
    <message>
        <source>Say why</source>
        <translation>请填写原因</translation>
    </message>
    <message>
        <source>open the drawer without a sale</source>
        <translation>无销售打开钱箱</translation>
    </message>
    <message>
        <source>pay {amount} into the drawer</source>
        <translation>向钱箱存入 {amount}</translation>
    </message>
    <message>
        <source>pay {amount} out of the drawer</source>
        <translation>从钱箱支出 {amount}</translation>
    </message>
    <message>
        <source>Drawer opened</source>
        <translation>钱箱已打开</translation>
    </message>
    <message>
        <source>Paid in: {amount}</source>
        <translation>已存入：{amount}</translation>
    </message>
    <message>
        <source>Paid out: {amount}</source>
        <translation>已支出：{amount}</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <source>No backup yet</source>
        <translation>还没有备份</translation>
    </message>
    <message>
        <source>Backup {age} ago</source>
        <translation>备份于 {age}前</translation>
    </message>
    <message>
        <source>The last backup failed: {problem}</source>
        <translation>上次备份失败：{problem}</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} 天</translation>
    </message>
</context>
<context>
    <name>CountPanel</name>
    <message>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <source>Shelf</source>
        <translation>货架</translation>
    </message>
    <message>
        <source>The category's code, or the shelf's name</source>
        <translation>品类代码，或货架名称</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>商品数</translation>
    </message>
    <message>
        <source>Resume the count chosen [F11]</source>
        <translation>继续所选盘点 [F11]</translation>
    </message>
    <message>
        <source>Start the count [F12]</source>
        <translation>开始盘点 [F12]</translation>
    </message>
    <message>
        <source>Count what</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <source>Counts left open at this store</source>
        <translation>本店未完成的盘点</translation>
    </message>
    <message>
        <source>Scan each unit on the shelf</source>
        <translation>逐件扫描货架上的商品</translation>
    </message>
    <message>
        <source>How many the next scan counts</source>
        <translation>下一次扫描计入的数量</translation>
    </message>
    <message>
        <source>Scan the first product</source>
        <translation>请扫描第一件商品</translation>
    </message>
    <message>
        <source>Leave it open [F9]</source>
        <translation>暂存，稍后继续 [F9]</translation>
    </message>
    <message>
        <source>Post the count [F12]</source>
        <translation>过账盘点 [F12]</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Choose the count to resume</source>
        <translation>请选择要继续的盘点</translation>
    </message>
    <message>
        <source>Count {scope} · started {when} · {counted} counted</source>
        <translation>盘点 {scope} · 开始于 {when} · 已盘 {counted} 件</translation>
    </message>
    <message>
        <source>{code}: scan the serial of each unit, then the next product</source>
        <translation>{code}：逐台扫描序列号，然后扫描下一件商品</translation>
    </message>
    <message>
        <source>Counted {code}; scan the next</source>
        <translation>已计入 {code}，请扫描下一件</translation>
    </message>
    <message>
        <source>Serial {serial} counted; the next serial, or the next product</source>
        <translation>序列号 {serial} 已计入；请扫描下一个序列号或下一件商品</translation>
    </message>
    <message>
        <source>Posted: {doc} · {lines} lines changed</source>
        <translation>已过账：{doc} · {lines} 行有变动</translation>
    </message>
    <message>
        <source>Discard [F8]</source>
        <translation>放弃盘点 [F8]</translation>
    </message>
    <message>
        <source>Discard the count {scope} and everything scanned into it?</source>
        <translation>放弃盘点 {scope} 及其全部扫描记录？</translation>
    </message>
</context>
<context>
    <name>LineEntry</name>
    <message>
        <source>Scan a barcode, or each serial after its product</source>
        <translation>扫描条码；序列号商品在条码后逐台扫描序列号</translation>
    </message>
    <message>
        <source>How many of the next product scanned (without serials)</source>
        <translation>下一件扫描商品的数量（无序列号的商品）</translation>
    </message>
    <message>
        <source>catalog cost</source>
        <translation>目录成本</translation>
    </message>
    <message>
        <source>The unit cost of the next product scanned; empty: the catalog's cost</source>
        <translation>下一件扫描商品的单位成本；留空则用商品目录中的成本</translation>
    </message>
    <message>
        <source>Scan the first product</source>
        <translation>请扫描第一件商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>{name}: scan the serial of each unit, then the next product</source>
        <translation>{name}：逐台扫描序列号，然后扫描下一件商品</translation>
    </message>
    <message>
        <source>Scan the next product</source>
        <translation>请扫描下一件商品</translation>
    </message>
    <message>
        <source>{name}: {count} serials scanned; the next serial, or the next product</source>
        <translation>{name}：已扫描 {count} 个序列号；请扫描下一个序列号或下一件商品</translation>
    </message>
</context>
<context>
    <name>LookupPanel</name>
    <message>
        <source>Scan or type a barcode, SKU or serial</source>
        <translation>扫描或输入条码、SKU 或序列号</translation>
    </message>
    <message>
        <source>Low stock [F5]</source>
        <translation>低库存 [F5]</translation>
    </message>
    <message>
        <source>Every store</source>
        <translation>所有门店</translation>
    </message>
    <message>
        <source>{on_hand} on hand and {transit} in transit, across {stores} stores</source>
        <translation>{stores} 家门店共有现货 {on_hand} 件，在途 {transit} 件</translation>
    </message>
    <message>
        <source>serial-tracked</source>
        <translation>按序列号管理</translation>
    </message>
    <message>
        <source>Serial {serial}: {state} · {store}</source>
        <translation>序列号 {serial}：{state} · {store}</translation>
    </message>
    <message>
        <source>also on: {others}</source>
        <translation>同一序列号亦见于：{others}</translation>
    </message>
    <message>
        <source>Low stock: {count} products at or below their reorder point</source>
        <translation>低库存：{count} 件商品不高于补货点</translation>
    </message>
    <message>
        <source>Stock of the products matching '{text}'</source>
        <translation>名称或 SKU 含“{text}”的商品库存</translation>
    </message>
    <message>
        <source>none</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Set [F6]</source>
        <translation>设置 [F6]</translation>
    </message>
    <message>
        <source>Reorder point at {store}</source>
        <translation>{store} 的补货点</translation>
    </message>
</context>
<context>
    <name>ReceivePanel</name>
    <message>
        <source>Who delivered</source>
        <translation>供应商名称</translation>
    </message>
    <message>
        <source>The delivery note's number</source>
        <translation>送货单号</translation>
    </message>
    <message>
        <source>Remove line [F8]</source>
        <translation>删除行 [F8]</translation>
    </message>
    <message>
        <source>Clear [F9]</source>
        <translation>清空 [F9]</translation>
    </message>
    <message>
        <source>Post the receipt [F12]</source>
        <translation>过账入库 [F12]</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <source>Delivery note</source>
        <translation>送货单</translation>
    </message>
    <message>
        <source>Received: {doc} · {lines} lines, {units} units</source>
        <translation>已入库：{doc} · {lines} 行，{units} 件</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <source>Add-on sale</source>
        <translation>追加销售</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>换货</translation>
    </message>
    <message>
        <source>{first} +{more} more</source>
        <translation>{first} 等，另有 {more} 个</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>现货</translation>
    </message>
    <message>
        <source>In transit</source>
        <translation>在途</translation>
    </message>
    <message>
        <source>Reorder at</source>
        <translation>补货点</translation>
    </message>
    <message>
        <source>Serials in stock</source>
        <translation>在库序列号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>State after</source>
        <translation>之后状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>单位成本</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>调拨单</translation>
    </message>
    <message>
        <source>From</source>
        <translation>调出门店</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>调出</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Serials</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>Serials missing</source>
        <translation>缺少的序列号</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>账面</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实盘</translation>
    </message>
    <message>
        <source>Serials extra</source>
        <translation>多出的序列号</translation>
    </message>
    <message>
        <source>{what} ({reason})</source>
        <translation>{what}（{reason}）</translation>
    </message>
</context>
<context>
    <name>StockDialog</name>
    <message>
        <source>Stock · {store}</source>
        <translation>库存 · {store}</translation>
    </message>
    <message>
        <source>Look up [F1]</source>
        <translation>查询 [F1]</translation>
    </message>
    <message>
        <source>Receive [F2]</source>
        <translation>收货入库 [F2]</translation>
    </message>
    <message>
        <source>Transfers [F3]</source>
        <translation>调拨 [F3]</translation>
    </message>
    <message>
        <source>Count [F4]</source>
        <translation>盘点 [F4]</translation>
    </message>
    <message>
        <source>Close [Esc]</source>
        <translation>关闭 [Esc]</translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message>
        <source>Remove line [F8]</source>
        <translation>删除行 [F8]</translation>
    </message>
    <message>
        <source>Clear [F9]</source>
        <translation>清空 [F9]</translation>
    </message>
    <message>
        <source>Send [F12]</source>
        <translation>调出 [F12]</translation>
    </message>
    <message>
        <source>To store</source>
        <translation>调入门店</translation>
    </message>
    <message>
        <source>There is no other store to send to</source>
        <translation>没有其他门店可调拨</translation>
    </message>
    <message>
        <source>Choose the store it goes to</source>
        <translation>请选择调入门店</translation>
    </message>
    <message>
        <source>Sent: {doc} to {store} · {units} units in transit</source>
        <translation>已调出：{doc} 至 {store} · 在途 {units} 件</translation>
    </message>
</context>
<context>
    <name>IncomingPage</name>
    <message>
        <source>Nothing is on its way here</source>
        <translation>暂无调往本店的货物</translation>
    </message>
    <message>
        <source>Refresh [F5]</source>
        <translation>刷新 [F5]</translation>
    </message>
    <message>
        <source>Remove line [F8]</source>
        <translation>删除行 [F8]</translation>
    </message>
    <message>
        <source>All arrived as sent [F11]</source>
        <translation>按调出数量全部收货 [F11]</translation>
    </message>
    <message>
        <source>Receive what was scanned [F12]</source>
        <translation>按扫描结果收货 [F12]</translation>
    </message>
    <message>
        <source>On its way here</source>
        <translation>调往本店的在途货物</translation>
    </message>
    <message>
        <source>{doc} from {store}: what was sent</source>
        <translation>{doc}（来自 {store}）：调出明细</translation>
    </message>
    <message>
        <source>Choose the transfer that arrived</source>
        <translation>请选择已到货的调拨单</translation>
    </message>
    <message>
        <source>Scan what arrived first, or receive it all as sent [F11]</source>
        <translation>请先扫描到货商品，或按调出数量全部收货 [F11]</translation>
    </message>
    <message>
        <source>Lines are scanned: receive what was scanned [F12], or remove them first</source>
        <translation>已有扫描行：请按扫描结果收货 [F12]，或先删除这些行</translation>
    </message>
    <message>
        <source>Received: {doc} · {short} units short of what was sent</source>
        <translation>已收货：{doc} · 比调出少 {short} 件</translation>
    </message>
    <message>
        <source>Received: {doc} · {units} units, all as sent</source>
        <translation>已收货：{doc} · {units} 件，与调出一致</translation>
    </message>
</context>
<context>
    <name>TransferPanel</name>
    <message>
        <source>Send to a store [F6]</source>
        <translation>调往门店 [F6]</translation>
    </message>
    <message>
        <source>Incoming [F7]</source>
        <translation>调入收货 [F7]</translation>
    </message>
</context>
<context>
    <name>SerialOverride</name>
    <message>
        <location filename="../checkout/serial_override.py" line="1" />
        <source>{serial} brought to this store ({doc})</source>
        <translation>{serial} 已调入本店（{doc}）</translation>
    </message>
    <message>
        <location filename="../checkout/serial_override.py" line="1" />
        <source>sell {serial} of {name} here, bringing it to this store</source>
        <translation>把 {name} 的 {serial} 调入本店并在此销售</translation>
    </message>
</context>
<context>
    <name>StockReportTab</name>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Add-on</source>
        <translation>加购</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Adding up the stock…</source>
        <translation>正在统计库存…</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Aged stock</source>
        <translation>库龄</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>All stores</source>
        <translation>全部门店</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>First day</source>
        <translation>起始日</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Last day</source>
        <translation>截止日</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>In stock longer than this many days</source>
        <translation>库存超过这么多天</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>In stock since</source>
        <translation>入库时间</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Movements</source>
        <translation>库存变动</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>On hand at start</source>
        <translation>期初库存</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Received</source>
        <translation>期间入库</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Return</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Sale</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Save as CSV</source>
        <translation>另存为 CSV</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Sell-through</source>
        <translation>售罄率</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Sold (net of returns) ÷ (on hand at the start + received)</source>
        <translation>净售出数 ÷（期初库存 + 期间入库）</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Sold</source>
        <translation>售出</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Stock at cost</source>
        <translation>库存成本</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Stock movements</source>
        <translation>库存变动</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Store {code}</source>
        <translation>门店 {code}</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Value at cost</source>
        <translation>成本金额</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>Which store the report covers</source>
        <translation>报表涵盖的门店</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>before {day}</source>
        <translation>{day} 之前</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>{count} movements</source>
        <translation>{count} 条变动</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>{scope} · in stock longer than {days} days</source>
        <translation>{scope} · 库存超过 {days} 天</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>{title}: {what}</source>
        <translation>{title}：{what}</translation>
    </message>
    <message>
        <location filename="../stock_report_tab.py" line="1" />
        <source>{units} units, {value} at cost</source>
        <translation>{units} 件，成本 {value}</translation>
    </message>
</context>
<context>
    <name>AccountStrip</name>
    <message>
        <source>no limit</source>
        <translation>无限额</translation>
    </message>
    <message>
        <source>No account: sales on account need one</source>
        <translation>没有账户：挂账销售需先开户</translation>
    </message>
    <message>
        <source>With the big-account team</source>
        <translation>已转大客户组</translation>
    </message>
    <message>
        <source>Balance {amount}</source>
        <translation>余额 {amount}</translation>
    </message>
    <message>
        <source>Limit {amount}</source>
        <translation>额度 {amount}</translation>
    </message>
    <message>
        <source>Available {amount}</source>
        <translation>可用 {amount}</translation>
    </message>
    <message>
        <source>Credit {amount}</source>
        <translation>预付 {amount}</translation>
    </message>
    <message>
        <source>Overdue {amount} ({days} days)</source>
        <translation>逾期 {amount}（{days} 天）</translation>
    </message>
    <message>
        <source>No credit limit</source>
        <translation>无信用额度</translation>
    </message>
</context>
<context>
    <name>BusinessDetails</name>
    <message>
        <source>Business details (for invoices and quotes)</source>
        <translation>企业信息（开票和报价用）</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>税号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>开户行</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>银行账号</translation>
    </message>
</context>
<context>
    <name>AccountPaymentDialog</name>
    <message>
        <source>Payment on account</source>
        <translation>账户收款</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Amount received</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <source>Reference (slip or transfer number)</source>
        <translation>参考号（签购单或转账单号）</translation>
    </message>
    <message>
        <source>Keep the rest as credit</source>
        <translation>多余部分记为预付款</translation>
    </message>
    <message>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未付</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>本次核销</translation>
    </message>
    <message>
        <source>Balance {balance} · overdue {overdue}</source>
        <translation>余额 {balance} · 逾期 {overdue}</translation>
    </message>
    <message>
        <source>credit {amount}</source>
        <translation>预付 {amount}</translation>
    </message>
    <message>
        <source>Balance {balance}</source>
        <translation>余额 {balance}</translation>
    </message>
    <message>
        <source>overdue {amount}</source>
        <translation>逾期 {amount}</translation>
    </message>
    <message>
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <source>Tick the invoices this pays (Up/Down, Space); without any, the oldest are settled first</source>
        <translation>勾选本次支付的单据（上下键、空格）；不勾选则先结清最早的</translation>
    </message>
</context>
<context>
    <name>CustomerActions</name>
    <message>
        <source>open an account for this customer</source>
        <translation>为该客户开设账户</translation>
    </message>
    <message>
        <source>Payment {doc} taken: {amount}; balance {balance}</source>
        <translation>已收款 {doc}：{amount}；余额 {balance}</translation>
    </message>
    <message>
        <source>Account opened</source>
        <translation>账户已开设</translation>
    </message>
    <message>
        <source>Park or finish this sale first: a quote opens as a new sale</source>
        <translation>请先挂单或完成本单：报价单会作为新销售打开</translation>
    </message>
    <message>
        <source>sell quote {quote} at its prices after {date}</source>
        <translation>在 {date} 之后按报价单 {quote} 的价格销售</translation>
    </message>
    <message>
        <source>Pre-order {preorder} taken: deposit {amount} ({doc})</source>
        <translation>预订 {preorder} 已登记：定金 {amount}（{doc}）</translation>
    </message>
</context>
<context>
    <name>QuoteDialog</name>
    <message>
        <source>Quotes</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Note on the quote</source>
        <translation>报价单备注</translation>
    </message>
    <message>
        <source>Save quote</source>
        <translation>保存报价单</translation>
    </message>
    <message>
        <source>Quote number (type or scan)</source>
        <translation>报价单号（输入或扫描）</translation>
    </message>
    <message>
        <source>Open as the sale [Enter]</source>
        <translation>转为销售 [Enter]</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>To save a quote: scan the products and find the business customer first</source>
        <translation>保存报价单：请先扫描商品并找到企业客户</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Close [Esc]</source>
        <translation>关闭 [Esc]</translation>
    </message>
    <message>
        <source>Open quotes (this customer's first)</source>
        <translation>未成交报价单（本客户的在前）</translation>
    </message>
    <message>
        <source>Type or scan the quote's number, or choose it in the list</source>
        <translation>请输入或扫描报价单号，或在列表中选择</translation>
    </message>
    <message>
        <source>open</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Save this sale as a quote for {customer}</source>
        <translation>将本单保存为 {customer} 的报价单</translation>
    </message>
    <message>
        <source>Quote {quote} saved, valid until {date}: {total}</source>
        <translation>报价单 {quote} 已保存，有效期至 {date}：{total}</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Receivables [F1]</source>
        <translation>应收账款 [F1]</translation>
    </message>
    <message>
        <source>Quotes [F2]</source>
        <translation>报价单 [F2]</translation>
    </message>
    <message>
        <source>Pre-orders [F3]</source>
        <translation>预订 [F3]</translation>
    </message>
    <message>
        <source>Close [Esc]</source>
        <translation>关闭 [Esc]</translation>
    </message>
    <message>
        <source>Accounts · {store}</source>
        <translation>客户账户 · {store}</translation>
    </message>
</context>
<context>
    <name>PreordersTab</name>
    <message>
        <source>Called [F6]</source>
        <translation>已通知 [F6]</translation>
    </message>
    <message>
        <source>Cancel and refund [F7]</source>
        <translation>取消并退定金 [F7]</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Arrived: to call</source>
        <translation>已到货：待通知</translation>
    </message>
    <message>
        <source>All open</source>
        <translation>全部未完成</translation>
    </message>
    <message>
        <source>Pre-order</source>
        <translation>预订单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>赠品</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>已通知</translation>
    </message>
    <message>
        <source>Refund in</source>
        <translation>退款方式</translation>
    </message>
    <message>
        <source>Choose a pre-order in the list first</source>
        <translation>请先在列表中选择一个预订单</translation>
    </message>
    <message>
        <source>Press F7 again to cancel {preorder} and pay back {amount}</source>
        <translation>再按一次 F7 取消 {preorder} 并退还 {amount}</translation>
    </message>
    <message>
        <source>{preorder} cancelled: {amount} paid back ({doc})</source>
        <translation>{preorder} 已取消：已退还 {amount}（{doc}）</translation>
    </message>
    <message>
        <source>{preorder}: called</source>
        <translation>{preorder}：已通知</translation>
    </message>
</context>
<context>
    <name>QuotesTab</name>
    <message>
        <source>Quote PDF [F6]</source>
        <translation>报价单 PDF [F6]</translation>
    </message>
    <message>
        <source>Quote report [F7]</source>
        <translation>报价单报表 [F7]</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Quote</source>
        <translation>报价单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Sold as</source>
        <translation>成交单号</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已开</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Sold value</source>
        <translation>成交金额</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>成交率</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Choose a quote in the list first</source>
        <translation>请先在列表中选择一个报价单</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <source>open</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>sold</source>
        <translation>已成交</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>ReceivablesTab</name>
    <message>
        <source>Every store</source>
        <translation>所有门店</translation>
    </message>
    <message>
        <source>Choose a customer in a list</source>
        <translation>请在列表中选择客户</translation>
    </message>
    <message>
        <source>Note for the big-account team</source>
        <translation>给大客户组的备注</translation>
    </message>
    <message>
        <source>Statement PDF [F6]</source>
        <translation>对账单 PDF [F6]</translation>
    </message>
    <message>
        <source>Transfer to big-account team [F7]</source>
        <translation>转大客户组 [F7]</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>门店</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>未到期</translation>
    </message>
    <message>
        <source>1–30 days</source>
        <translation>1–30 天</translation>
    </message>
    <message>
        <source>31–60 days</source>
        <translation>31–60 天</translation>
    </message>
    <message>
        <source>60+ days</source>
        <translation>60 天以上</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>预付</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Oldest due</source>
        <translation>最早到期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Choose a customer in a list first</source>
        <translation>请先在列表中选择客户</translation>
    </message>
    <message>
        <source>Owed {total} · overdue {overdue} · {count} accounts</source>
        <translation>应收 {total} · 逾期 {overdue} · {count} 个账户</translation>
    </message>
    <message>
        <source>big accounts</source>
        <translation>大客户组</translation>
    </message>
    <message>
        <source>{customer} passed to the big-account team</source>
        <translation>{customer} 已转大客户组</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
</context>
<context>
    <name>LeadForm</name>
    <message>
        <source>nobody yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <source>New lead</source>
        <translation>新商机</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact name</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>1. Who uses it</source>
        <translation>1. 谁用</translation>
    </message>
    <message>
        <source>2. What for</source>
        <translation>2. 用来做什么</translation>
    </message>
    <message>
        <source>3. What they can use</source>
        <translation>3. 能用什么</translation>
    </message>
    <message>
        <source>4. What they value</source>
        <translation>4. 看重什么</translation>
    </message>
    <message>
        <source>5. The need, summed up</source>
        <translation>5. 需求总结</translation>
    </message>
    <message>
        <source>Looked after by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Lead: {name}</source>
        <translation>商机：{name}</translation>
    </message>
</context>
<context>
    <name>HandOverForm</name>
    <message>
        <source>the team decides</source>
        <translation>由团队安排</translation>
    </message>
    <message>
        <source>Why it fits the team</source>
        <translation>为什么适合该团队</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Taken on by</source>
        <translation>接手人</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>转单</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Hand over: {name}</source>
        <translation>转单：{name}</translation>
    </message>
</context>
<context>
    <name>LostForm</name>
    <message>
        <source>Why: bought elsewhere, no budget...</source>
        <translation>原因：已在别处购买、没有预算……</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Mark lost</source>
        <translation>标记为流失</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Lost: {name}</source>
        <translation>流失：{name}</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <source>Visit: {name}</source>
        <translation>拜访：{name}</translation>
    </message>
    <message>
        <source>Call: {name}</source>
        <translation>电话：{name}</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>有意向</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>How it went</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>What was seen and said (a visit needs notes)</source>
        <translation>见到和谈到的情况（拜访必须填写）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LeadsPanel</name>
    <message>
        <source>Open, quoted or handed over</source>
        <translation>跟进中、已报价或已转单</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <source>New [F5]</source>
        <translation>新建 [F5]</translation>
    </message>
    <message>
        <source>Edit [F6]</source>
        <translation>修改 [F6]</translation>
    </message>
    <message>
        <source>Hand over [F7]</source>
        <translation>转单 [F7]</translation>
    </message>
    <message>
        <source>Won [F8]</source>
        <translation>成交 [F8]</translation>
    </message>
    <message>
        <source>Lost [F9]</source>
        <translation>流失 [F9]</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next contact</source>
        <translation>下次联系</translation>
    </message>
    <message>
        <source>Looked after by</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <source>Phone / WeChat</source>
        <translation>电话 / 微信</translation>
    </message>
    <message>
        <source>Who uses it</source>
        <translation>谁用</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>做什么</translation>
    </message>
    <message>
        <source>What they can use</source>
        <translation>能用什么</translation>
    </message>
    <message>
        <source>What they value</source>
        <translation>看重什么</translation>
    </message>
    <message>
        <source>The need</source>
        <translation>需求总结</translation>
    </message>
    <message>
        <source>No lead chosen</source>
        <translation>未选择商机</translation>
    </message>
    <message>
        <source>{name} · {company} · {state}</source>
        <translation>{name} · {company} · {state}</translation>
    </message>
    <message>
        <source>WeChat {id}</source>
        <translation>微信 {id}</translation>
    </message>
</context>
<context>
    <name>WeekBar</name>
    <message>
        <source>Earlier week [F5]</source>
        <translation>上一周 [F5]</translation>
    </message>
    <message>
        <source>Later week [F6]</source>
        <translation>下一周 [F6]</translation>
    </message>
    <message>
        <source>Week {week}: {first} to {last}</source>
        <translation>{week}：{first} 至 {last}</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Plan the week [F7]</source>
        <translation>排本周计划 [F7]</translation>
    </message>
    <message>
        <source>Record call [F8]</source>
        <translation>登记电话 [F8]</translation>
    </message>
    <message>
        <source>Record visit [F9]</source>
        <translation>登记拜访 [F9]</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>By</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>How it went</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Lead due</source>
        <translation>商机到期</translation>
    </message>
    <message>
        <source>Revisit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Business customer</source>
        <translation>企业客户</translation>
    </message>
    <message>
        <source>Recent purchase</source>
        <translation>近期购买</translation>
    </message>
    <message>
        <source>Card renewal</source>
        <translation>服务卡续期</translation>
    </message>
    <message>
        <source>Pre-order arrived</source>
        <translation>预订到货</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>有意向</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>{count} contacts this week, {todo} still to do</source>
        <translation>本周 {count} 次联系，{todo} 次待办</translation>
    </message>
    <message>
        <source>{new} planned now, {already} planned before</source>
        <translation>本次新排 {new} 次，之前已排 {already} 次</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Person</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Days below</source>
        <translation>未达标天数</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>销售额</translation>
    </message>
    <message>
        <source>Visits a day: the target is {target} for customer managers; sales within 30 days of a contact, each credited once</source>
        <translation>每日拜访：客户经理目标 {target} 次；联系后 30 天内的销售，每笔只计一次</translation>
    </message>
</context>
<context>
    <name>LeadsDialog</name>
    <message>
        <source>Leads [F1]</source>
        <translation>商机 [F1]</translation>
    </message>
    <message>
        <source>This week [F2]</source>
        <translation>本周跟进 [F2]</translation>
    </message>
    <message>
        <source>Report [F3]</source>
        <translation>跟进报表 [F3]</translation>
    </message>
    <message>
        <source>Close [Esc]</source>
        <translation>关闭 [Esc]</translation>
    </message>
    <message>
        <source>Leads and follow-up · {name}</source>
        <translation>商机与跟进 · {name}</translation>
    </message>
</context>
<context>
    <name>PreorderDialog</name>
    <message>
        <source>Pre-order with a deposit</source>
        <translation>预订（收定金）</translation>
    </message>
    <message>
        <source>Scan or type the product's barcode or SKU</source>
        <translation>扫描或输入商品条码或编码</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>定金</translation>
    </message>
    <message>
        <source>The gift promised (预订有礼), if any</source>
        <translation>承诺的赠品（预订有礼），如有</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>赠品</translation>
    </message>
    <message>
        <source>Take the deposit</source>
        <translation>收定金</translation>
    </message>
    <message>
        <source>Scan or type the product first</source>
        <translation>请先扫描或输入商品</translation>
    </message>
    <message>
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
</context>
<context>
    <name>CardConfirmDialog</name>
    <message>
        <source>Card offered?</source>
        <translation>是否推荐服务卡？</translation>
    </message>
    <message>
        <source>Did you offer a service card for {unit}?</source>
        <translation>是否已为 {unit} 推荐服务卡？</translation>
    </message>
    <message>
        <source>Before the sale was agreed</source>
        <translation>成交前</translation>
    </message>
    <message>
        <source>After the sale was agreed</source>
        <translation>成交后</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{point}: {answer}</source>
        <translation>{point}：{answer}</translation>
    </message>
    <message>
        <source>Yes, wants a card [Y]</source>
        <translation>要，购买服务卡 [Y]</translation>
    </message>
    <message>
        <source>No [N]</source>
        <translation>不要 [N]</translation>
    </message>
</context>
<context>
    <name>CardConfirmActions</name>
    <message>
        <source>Card offered? [Ctrl+K]</source>
        <translation>推荐服务卡？[Ctrl+K]</translation>
    </message>
    <message>
        <source>Scan a unit first</source>
        <translation>请先扫描主机</translation>
    </message>
</context>
<context>
    <name>JobDialog</name>
    <message>
        <source>Diagnose [F4]</source>
        <translation>检测 [F4]</translation>
    </message>
    <message>
        <source>Declined [F5]</source>
        <translation>拒绝 [F5]</translation>
    </message>
    <message>
        <source>Not offered [F6]</source>
        <translation>未推荐 [F6]</translation>
    </message>
    <message>
        <source>Pre-visit call [F7]</source>
        <translation>上门前电话 [F7]</translation>
    </message>
    <message>
        <source>Job card PDF [F9]</source>
        <translation>工单 PDF [F9]</translation>
    </message>
    <message>
        <source>Claim on the card [F10]</source>
        <translation>服务卡理赔 [F10]</translation>
    </message>
    <message>
        <source>Card: yes [F11]</source>
        <translation>要服务卡 [F11]</translation>
    </message>
    <message>
        <source>Card: no [F12]</source>
        <translation>不要服务卡 [F12]</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>工单记录</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市区</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县乡</translation>
    </message>
    <message>
        <source>Save the job card</source>
        <translation>保存工单</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Promise</source>
        <translation>服务承诺</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Pre-visit call</source>
        <translation>上门前电话</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Cancel the job</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <source>Sell on the job [F8]</source>
        <translation>工单销售 [F8]</translation>
    </message>
    <message>
        <source>Back to the board [Esc]</source>
        <translation>返回工单列表 [Esc]</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>No job sheet for this unit</source>
        <translation>此机器没有服务推荐单</translation>
    </message>
    <message>
        <source>Job {job}</source>
        <translation>工单 {job}</translation>
    </message>
    <message>
        <source>{job} · {kind} · {state}</source>
        <translation>{job} · {kind} · {state}</translation>
    </message>
    <message>
        <source>{unit} (not sold here)</source>
        <translation>{unit}（非本店售出）</translation>
    </message>
    <message>
        <source>{unit} · receipt {receipt}</source>
        <translation>{unit} · 小票 {receipt}</translation>
    </message>
    <message>
        <source>Job sheet: {name}</source>
        <translation>服务推荐单：{name}</translation>
    </message>
    <message>
        <source>The customer wants the card: sell it on the job (F8)</source>
        <translation>客户要服务卡：在工单上销售（F8）</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>已推荐</translation>
    </message>
    <message>
        <source>{state} [F{n}]</source>
        <translation>{state} [F{n}]</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>已保存：{path}</translation>
    </message>
    <message>
        <source>Sold · {receipt}</source>
        <translation>已售 · {receipt}</translation>
    </message>
    <message>
        <source>Proposed: {answer}</source>
        <translation>已推荐：{answer}</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <source>Left with it</source>
        <translation>随机留存</translation>
    </message>
    <message>
        <source>Technician and time [Shift+F1]</source>
        <translation>技术员与时间 [Shift+F1]</translation>
    </message>
</context>
<context>
    <name>JobForm</name>
    <message>
        <source>Register a job</source>
        <translation>登记工单</translation>
    </message>
    <message>
        <source>Receipt of the sale (or the serial below)</source>
        <translation>销售小票号（或填写下方序列号）</translation>
    </message>
    <message>
        <source>Phone or #id (else the sale's customer)</source>
        <translation>电话或 #编号（不填则为销售单客户）</translation>
    </message>
    <message>
        <source>At the counter</source>
        <translation>门店内</translation>
    </message>
    <message>
        <source>City</source>
        <translation>市区</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县乡</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>暂不指派</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序列号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <source>Accessories left</source>
        <translation>随机附件</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>外观状况</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Register [F12]</source>
        <translation>登记 [F12]</translation>
    </message>
    <message>
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
</context>
<context>
    <name>JobWords</name>
    <message>
        <source>None yet</source>
        <translation>尚未预约</translation>
    </message>
    <message>
        <source>No promise</source>
        <translation>无时限承诺</translation>
    </message>
    <message>
        <source>No service card on this unit: the work is paid</source>
        <translation>此机器没有服务卡：服务收费</translation>
    </message>
    <message>
        <source>Card not asked on this job yet</source>
        <translation>本工单尚未询问服务卡</translation>
    </message>
    <message>
        <source>Late: arrived {at}, due {due}</source>
        <translation>超时：{at} 到达，应于 {due} 前</translation>
    </message>
    <message>
        <source>Arrive by {due}</source>
        <translation>须于 {due} 前到达</translation>
    </message>
    <message>
        <source>Met: arrived {at}, due {due}</source>
        <translation>达标：{at} 到达，应于 {due} 前</translation>
    </message>
    <message>
        <source>Fault: {text}</source>
        <translation>故障：{text}</translation>
    </message>
    <message>
        <source>Technician assigned</source>
        <translation>已指派技术员</translation>
    </message>
    <message>
        <source>Appointment agreed</source>
        <translation>已约定预约时间</translation>
    </message>
    <message>
        <source>Pre-visit call recorded</source>
        <translation>已记录上门前电话</translation>
    </message>
    <message>
        <source>Card confirmation asked</source>
        <translation>已询问服务卡</translation>
    </message>
    <message>
        <source>Sheet item marked</source>
        <translation>已标记推荐项目</translation>
    </message>
    <message>
        <source>Card {card} · {tier}: {terms}</source>
        <translation>服务卡 {card} · {tier}：{terms}</translation>
    </message>
    <message>
        <source>Covered: record the claim (F10)</source>
        <translation>在保：请记录理赔（F10）</translation>
    </message>
    <message>
        <source>Card asked {point}: {answer} ({at})</source>
        <translation>已询问服务卡（{point}）：{answer}（{at}）</translation>
    </message>
    <message>
        <source>left: {text}</source>
        <translation>附件：{text}</translation>
    </message>
    <message>
        <source>estimate {money}</source>
        <translation>预估 {money}</translation>
    </message>
    <message>
        <source>diagnosis: {text}</source>
        <translation>检测：{text}</translation>
    </message>
    <message>
        <source>Registered: {state}</source>
        <translation>已登记：{state}</translation>
    </message>
    <message>
        <source>Now {state}</source>
        <translation>变为{state}</translation>
    </message>
    <message>
        <source>Claim {claim}: covered</source>
        <translation>理赔 {claim}：在保</translation>
    </message>
    <message>
        <source>Claim {claim}: paid · {why}</source>
        <translation>理赔 {claim}：收费 · {why}</translation>
    </message>
    <message>
        <source>Paid service: {why}</source>
        <translation>收费服务：{why}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>要</translation>
    </message>
    <message>
        <source>no</source>
        <translation>不要</translation>
    </message>
    <message>
        <source>Sold on the job {receipt}</source>
        <translation>工单销售 {receipt}</translation>
    </message>
    <message>
        <source>Claim recorded {claim}</source>
        <translation>已记录理赔 {claim}</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Not offered</source>
        <translation>未推荐</translation>
    </message>
    <message>
        <source>Sold · {receipt}</source>
        <translation>已售 · {receipt}</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Proposed: {answer}</source>
        <translation>已推荐：{answer}</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>已推荐</translation>
    </message>
</context>
<context>
    <name>DiagnoseForm</name>
    <message>
        <source>Diagnosis</source>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>预估费用</translation>
    </message>
    <message>
        <source>Save [Enter]</source>
        <translation>保存 [Enter]</translation>
    </message>
    <message>
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <source>Say what was found</source>
        <translation>请填写检测结果</translation>
    </message>
    <message>
        <source>Diagnose {job}</source>
        <translation>检测 {job}</translation>
    </message>
</context>
<context>
    <name>CallForm</name>
    <message>
        <source>Will decide on the visit</source>
        <translation>上门时再决定</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>The customer's answer</source>
        <translation>客户的回答</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Save [Enter]</source>
        <translation>保存 [Enter]</translation>
    </message>
    <message>
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
    <message>
        <source>Pre-visit call: {item}</source>
        <translation>上门前电话：{item}</translation>
    </message>
</context>
<context>
    <name>JobsDialog</name>
    <message>
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <source>Every kind</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Open [Enter]</source>
        <translation>打开 [Enter]</translation>
    </message>
    <message>
        <source>New job [F5]</source>
        <translation>登记工单 [F5]</translation>
    </message>
    <message>
        <source>Refresh [F6]</source>
        <translation>刷新 [F6]</translation>
    </message>
    <message>
        <source>No jobs for today and none overdue</source>
        <translation>今天没有工单，也没有超时工单</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>工单</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Unit and need</source>
        <translation>机器与需求</translation>
    </message>
    <message>
        <source>To the till [Esc]</source>
        <translation>返回收银 [Esc]</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>未指派</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Jobs · {name}</source>
        <translation>工单 · {name}</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} 小时 {m} 分</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} 分钟</translation>
    </message>
    <message>
        <source>Late {span}</source>
        <translation>超时 {span}</translation>
    </message>
    <message>
        <source>Need and unit</source>
        <translation>需求与机器</translation>
    </message>
</context>
<context>
    <name>PlanForm</name>
    <message>
        <source>Plan {job}</source>
        <translation>安排 {job}</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>暂不指派</translation>
    </message>
    <message>
        <source>Agree an appointment</source>
        <translation>约定上门时间</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技术员</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Save [Enter]</source>
        <translation>保存 [Enter]</translation>
    </message>
    <message>
        <source>Cancel [Esc]</source>
        <translation>取消 [Esc]</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message>
        <source>1 document waiting</source>
        <translation>1 张单据待发送</translation>
    </message>
    <message>
        <source>{n} documents waiting</source>
        <translation>{n} 张单据待发送</translation>
    </message>
    <message>
        <source>Head office unreachable since {time}</source>
        <translation>总部自 {time} 起无法连接</translation>
    </message>
    <message>
        <source>Offline {time}</source>
        <translation>{time} 起离线</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>{n} 张待发</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>已同步</translation>
    </message>
    <message>
        <source>Store {code} of the chain</source>
        <translation>连锁门店 {code}</translation>
    </message>
    <message>
        <source>Last sent to head office: {when}</source>
        <translation>上次发送到总部：{when}</translation>
    </message>
    <message>
        <source>Nothing sent to head office yet</source>
        <translation>尚未向总部发送过任何内容</translation>
    </message>
    <message>
        <source>Last error: {error}</source>
        <translation>上次错误：{error}</translation>
    </message>
    <message>
        <source>The sync status could not be read</source>
        <translation>无法读取同步状态</translation>
    </message>
    <message>
        <source>Sync status unknown</source>
        <translation>同步状态未知</translation>
    </message>
    <message>
        <source>Sync ?</source>
        <translation>同步 ?</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>有变更待发送</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>Head office refused the documents</source>
        <translation>总部拒收单据</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒收</translation>
    </message>
</context>
<context>
    <name>pos</name>
    <message>
        <source>, </source>
        <comment>list.separator</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>error: {message}</source>
        <comment>error.line</comment>
        <translation>错误：{message}</translation>
    </message>
    <message>
        <source>Terminal {terminal} is not set up in this database</source>
        <comment>terminal.not_set_up</comment>
        <translation>本数据库中没有设置收银台 {terminal}</translation>
    </message>
    <message>
        <source>Terminal {terminal} is not set up in this database; load the demo store (pos demo load) or add the terminal first</source>
        <comment>terminal.not_set_up_hint</comment>
        <translation>本数据库中没有设置收银台 {terminal}；请先载入演示门店（pos demo load）或添加该收银台</translation>
    </message>
    <message>
        <source>'{text}' is negative</source>
        <comment>value.negative</comment>
        <translation>“{text}”是负数</translation>
    </message>
    <message>
        <source>'{text}' is not one of {allowed:list}</source>
        <comment>value.not_one_of</comment>
        <translation>“{text}”不是可选值之一：{allowed:list}</translation>
    </message>
    <message>
        <source>'{text}' is not a whole number</source>
        <comment>value.not_whole_number</comment>
        <translation>“{text}”不是整数</translation>
    </message>
    <message>
        <source>is empty</source>
        <comment>field.empty</comment>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>is longer than {max} characters</source>
        <comment>field.too_long</comment>
        <translation>超过 {max} 个字符</translation>
    </message>
    <message>
        <source>catalog import</source>
        <comment>import.catalog</comment>
        <translation>商品导入</translation>
    </message>
    <message>
        <source>category import</source>
        <comment>import.categories</comment>
        <translation>类别导入</translation>
    </message>
    <message>
        <source>checklist import</source>
        <comment>import.checklists</comment>
        <translation>配置单导入</translation>
    </message>
    <message>
        <source>{what:msg} refused: {count} errors; nothing was changed</source>
        <comment>import.refused</comment>
        <translation>{what:msg}未执行：共 {count} 处错误，未做任何更改</translation>
    </message>
    <message>
        <source>{what:msg} refused: 1 error; nothing was changed</source>
        <comment>import.refused_one</comment>
        <translation>{what:msg}未执行：有 1 处错误，未做任何更改</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <comment>os.no_such_file</comment>
        <translation>文件或目录不存在</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <comment>os.permission_denied</comment>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <comment>os.is_a_directory</comment>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <comment>os.not_a_directory</comment>
        <translation>路径中有一项不是文件夹</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <comment>os.disk_full</comment>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <comment>os.read_only</comment>
        <translation>文件系统为只读</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <comment>file.cannot_read</comment>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <comment>file.cannot_write</comment>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>an amount is required</source>
        <comment>amount.required</comment>
        <translation>请填写金额</translation>
    </message>
    <message>
        <source>'{text}' is not an amount</source>
        <comment>amount.invalid</comment>
        <translation>“{text}”不是有效的金额</translation>
    </message>
    <message>
        <source>'{text}' has more than {digits} decimal places</source>
        <comment>amount.too_many_places</comment>
        <translation>“{text}”的小数超过 {digits} 位</translation>
    </message>
    <message>
        <source>a percentage is required</source>
        <comment>percent.required</comment>
        <translation>请填写百分比</translation>
    </message>
    <message>
        <source>'{text}' is not a percentage</source>
        <comment>percent.invalid</comment>
        <translation>“{text}”不是有效的百分比</translation>
    </message>
    <message>
        <source>barcode '{code}' must be digits only</source>
        <comment>barcode.not_digits</comment>
        <translation>条码“{code}”只能由数字组成</translation>
    </message>
    <message>
        <source>barcode '{code}' has {digits} digits; EAN-13 has 13, UPC-A 12, EAN-8 8</source>
        <comment>barcode.bad_length</comment>
        <translation>条码“{code}”有 {digits} 位；EAN-13 为 13 位，UPC-A 为 12 位，EAN-8 为 8 位</translation>
    </message>
    <message>
        <source>barcode '{code}' has a bad check digit for {kind} (expected {expected})</source>
        <comment>barcode.bad_check_digit</comment>
        <translation>条码“{code}”的 {kind} 校验位不对（应为 {expected}）</translation>
    </message>
    <message>
        <source>the file is neither UTF-8 nor GB18030/GBK text; save it from Excel as 'CSV UTF-8' and try again</source>
        <comment>csv.not_text</comment>
        <translation>该文件既不是 UTF-8 也不是 GB18030/GBK 文本；请在 Excel 中另存为“CSV UTF-8”后重试</translation>
    </message>
    <message>
        <source>line {line}, {column}: {reason}</source>
        <comment>csv.problem</comment>
        <translation>第 {line} 行，{column}：{reason}</translation>
    </message>
    <message>
        <source>header</source>
        <comment>csv.header</comment>
        <translation>表头</translation>
    </message>
    <message>
        <source>row</source>
        <comment>csv.row</comment>
        <translation>整行</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <comment>csv.file_empty</comment>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>missing column(s): {columns:list}</source>
        <comment>csv.missing_columns</comment>
        <translation>缺少列：{columns:list}</translation>
    </message>
    <message>
        <source>unknown column(s): {columns:list}</source>
        <comment>csv.unknown_columns</comment>
        <translation>无法识别的列：{columns:list}</translation>
    </message>
    <message>
        <source>repeated column(s): {columns:list}</source>
        <comment>csv.repeated_columns</comment>
        <translation>重复的列：{columns:list}</translation>
    </message>
    <message>
        <source>has {fields} fields, the header has {expected}</source>
        <comment>csv.ragged_row</comment>
        <translation>有 {fields} 个字段，而表头有 {expected} 个</translation>
    </message>
    <message>
        <source>scan a barcode or type a product code</source>
        <comment>catalog.scan_or_type</comment>
        <translation>请扫描条码或输入商品编码</translation>
    </message>
    <message>
        <source>No product has the barcode or code '{code}'</source>
        <comment>catalog.unknown_code</comment>
        <translation>没有条码或编码为“{code}”的商品</translation>
    </message>
    <message>
        <source>'{code}' appears twice in the file</source>
        <comment>catalog.code_twice</comment>
        <translation>“{code}”在文件中出现了两次</translation>
    </message>
    <message>
        <source>a main-unit category needs a sheet layout</source>
        <comment>catalog.needs_layout</comment>
        <translation>主机类别必须指定配置单版式</translation>
    </message>
    <message>
        <source>only main-unit categories print on a sheet</source>
        <comment>catalog.layout_main_only</comment>
        <translation>只有主机类别才打印配置单</translation>
    </message>
    <message>
        <source>'{sku}' must be at most {max} characters, no spaces</source>
        <comment>catalog.sku_format</comment>
        <translation>“{sku}”最多 {max} 个字符，且不能含空格</translation>
    </message>
    <message>
        <source>'{sku}' already appears on line {line}</source>
        <comment>catalog.sku_repeated</comment>
        <translation>“{sku}”已在第 {line} 行出现过</translation>
    </message>
    <message>
        <source>{barcode} already appears on line {line}</source>
        <comment>catalog.barcode_repeated</comment>
        <translation>{barcode} 已在第 {line} 行出现过</translation>
    </message>
    <message>
        <source>{barcode} belongs to product {owner}</source>
        <comment>catalog.barcode_taken</comment>
        <translation>{barcode} 已被商品 {owner} 使用</translation>
    </message>
    <message>
        <source>unknown category '{code}'</source>
        <comment>catalog.unknown_category</comment>
        <translation>没有类别“{code}”</translation>
    </message>
    <message>
        <source>'{text}' is not yes or no</source>
        <comment>catalog.not_yes_no</comment>
        <translation>“{text}”应为 yes/no（或 是/否）</translation>
    </message>
    <message>
        <source>'{text}' is over 100%</source>
        <comment>catalog.vat_over_100</comment>
        <translation>“{text}”超过了 100%</translation>
    </message>
    <message>
        <source>the checklist file must be UTF-8 text</source>
        <comment>checklist.not_utf8</comment>
        <translation>配置单文件必须是 UTF-8 文本</translation>
    </message>
    <message>
        <source>the checklist file is not valid TOML: {error}</source>
        <comment>checklist.not_toml</comment>
        <translation>配置单文件不是有效的 TOML：{error}</translation>
    </message>
    <message>
        <source>{where:path}: {reason}</source>
        <comment>checklist.problem</comment>
        <translation>{where:path}：{reason}</translation>
    </message>
    <message>
        <source>line {line}, {where:path}: {reason}</source>
        <comment>checklist.problem_at</comment>
        <translation>第 {line} 行，{where:path}：{reason}</translation>
    </message>
    <message>
        <source>document</source>
        <comment>checklist.document</comment>
        <translation>文件</translation>
    </message>
    <message>
        <source>sheet "{code}"</source>
        <comment>checklist.sheet</comment>
        <translation>配置单“{code}”</translation>
    </message>
    <message>
        <source>sheet #{n}</source>
        <comment>checklist.sheet_n</comment>
        <translation>第 {n} 张配置单</translation>
    </message>
    <message>
        <source>section "{code}"</source>
        <comment>checklist.section</comment>
        <translation>栏目“{code}”</translation>
    </message>
    <message>
        <source>section #{n}</source>
        <comment>checklist.section_n</comment>
        <translation>第 {n} 个栏目</translation>
    </message>
    <message>
        <source>item "{code}"</source>
        <comment>checklist.item</comment>
        <translation>项目“{code}”</translation>
    </message>
    <message>
        <source>item #{n}</source>
        <comment>checklist.item_n</comment>
        <translation>第 {n} 个项目</translation>
    </message>
    <message>
        <source>tier "{code}"</source>
        <comment>checklist.tier</comment>
        <translation>服务卡等级“{code}”</translation>
    </message>
    <message>
        <source>tier #{n}</source>
        <comment>checklist.tier_n</comment>
        <translation>第 {n} 个服务卡等级</translation>
    </message>
    <message>
        <source>band {n}</source>
        <comment>checklist.band</comment>
        <translation>第 {n} 个价格段</translation>
    </message>
    <message>
        <source>must be an array of tables ([[{key}]])</source>
        <comment>checklist.array_of_tables</comment>
        <translation>必须是表数组（[[{key}]]）</translation>
    </message>
    <message>
        <source>must be a table</source>
        <comment>checklist.must_be_table</comment>
        <translation>必须是一个表</translation>
    </message>
    <message>
        <source>needs a code</source>
        <comment>checklist.needs_code</comment>
        <translation>缺少编码（code）</translation>
    </message>
    <message>
        <source>needs a name</source>
        <comment>checklist.needs_name</comment>
        <translation>缺少名称（name）</translation>
    </message>
    <message>
        <source>needs a title</source>
        <comment>checklist.needs_title</comment>
        <translation>缺少标题（title）</translation>
    </message>
    <message>
        <source>this code is used by another sheet</source>
        <comment>checklist.sheet_code_taken</comment>
        <translation>该编码已被另一张配置单使用</translation>
    </message>
    <message>
        <source>this code is used by another section of the sheet</source>
        <comment>checklist.section_code_taken</comment>
        <translation>该编码已被本配置单的另一个栏目使用</translation>
    </message>
    <message>
        <source>this code is used by another item of the sheet</source>
        <comment>checklist.item_code_taken</comment>
        <translation>该编码已被本配置单的另一个项目使用</translation>
    </message>
    <message>
        <source>this code is used by another tier</source>
        <comment>checklist.tier_code_taken</comment>
        <translation>该编码已被另一个服务卡等级使用</translation>
    </message>
    <message>
        <source>category '{code}' is not a main-unit category</source>
        <comment>checklist.not_main_unit</comment>
        <translation>类别“{code}”不是主机类别</translation>
    </message>
    <message>
        <source>category '{code}' is already on sheet '{sheet}'</source>
        <comment>checklist.category_on_sheet</comment>
        <translation>类别“{code}”已在配置单“{sheet}”上</translation>
    </message>
    <message>
        <source>needs categories = [main-unit category codes]</source>
        <comment>checklist.needs_categories</comment>
        <translation>缺少 categories = [主机类别编码]</translation>
    </message>
    <message>
        <source>needs at least one [[sheet.section]]</source>
        <comment>checklist.needs_section</comment>
        <translation>至少需要一个 [[sheet.section]]</translation>
    </message>
    <message>
        <source>script must be text</source>
        <comment>checklist.script_text</comment>
        <translation>话术（script）必须是文本</translation>
    </message>
    <message>
        <source>needs products = [one or more skus]</source>
        <comment>checklist.needs_products</comment>
        <translation>缺少 products = [一个或多个货号]</translation>
    </message>
    <message>
        <source>unknown sku '{sku}'</source>
        <comment>checklist.unknown_sku</comment>
        <translation>没有货号“{sku}”</translation>
    </message>
    <message>
        <source>sku '{sku}' is listed twice</source>
        <comment>checklist.sku_twice</comment>
        <translation>货号“{sku}”列了两次</translation>
    </message>
    <message>
        <source>a gift pack bundles two or more products</source>
        <comment>checklist.pack_two</comment>
        <translation>礼包至少要包含两件商品</translation>
    </message>
    <message>
        <source>pack_price must be above zero</source>
        <comment>checklist.pack_above_zero</comment>
        <translation>礼包价（pack_price）必须大于零</translation>
    </message>
    <message>
        <source>pack_price {price} is above the price of its parts ({parts:money})</source>
        <comment>checklist.pack_above_parts</comment>
        <translation>礼包价 {price} 高于所含商品的合计价格（{parts:money}）</translation>
    </message>
    <message>
        <source>give either lifetime = true or term_months, not both</source>
        <comment>checklist.lifetime_or_term</comment>
        <translation>lifetime = true 与 term_months 只能二选一</translation>
    </message>
    <message>
        <source>needs term_months (a whole number above 0) or lifetime = true</source>
        <comment>checklist.needs_term</comment>
        <translation>缺少 term_months（大于 0 的整数）或 lifetime = true</translation>
    </message>
    <message>
        <source>units_covered must be a whole number of 1 or more</source>
        <comment>checklist.units_covered</comment>
        <translation>units_covered 必须是不小于 1 的整数</translation>
    </message>
    <message>
        <source>needs categories = [the main-unit categories it covers]</source>
        <comment>checklist.tier_needs_categories</comment>
        <translation>缺少 categories = [该等级适用的主机类别]</translation>
    </message>
    <message>
        <source>needs bands = [{{ up_to = "3000", price = "199" }}, ..., {{ price = "399" }}]</source>
        <comment>checklist.needs_bands</comment>
        <translation>缺少 bands = [{{ up_to = "3000", price = "199" }}, ..., {{ price = "399" }}]</translation>
    </message>
    <message>
        <source>the last band has no up_to: it prices every unit above the others</source>
        <comment>checklist.last_band_open</comment>
        <translation>最后一个价格段不写 up_to：它适用于高于前面各段的所有主机</translation>
    </message>
    <message>
        <source>up_to must rise from band to band</source>
        <comment>checklist.up_to_rises</comment>
        <translation>up_to 必须逐段递增</translation>
    </message>
    <message>
        <source>needs up_to (only the last band is open-ended)</source>
        <comment>checklist.needs_up_to</comment>
        <translation>缺少 up_to（只有最后一个价格段不设上限）</translation>
    </message>
    <message>
        <source>unknown key(s): {keys:list}</source>
        <comment>checklist.unknown_keys</comment>
        <translation>无法识别的键：{keys:list}</translation>
    </message>
    <message>
        <source>unknown table(s): {tables:list}</source>
        <comment>checklist.unknown_tables</comment>
        <translation>无法识别的表：{tables:list}</translation>
    </message>
    <message>
        <source>write amounts as quoted decimal text, e.g. "199.00"</source>
        <comment>checklist.quoted_amount</comment>
        <translation>金额请写成带引号的小数文本，例如 "199.00"</translation>
    </message>
    <message>
        <source>cashier</source>
        <comment>role.cashier</comment>
        <translation>收银员</translation>
    </message>
    <message>
        <source>installer</source>
        <comment>role.installer</comment>
        <translation>安装员</translation>
    </message>
    <message>
        <source>manager</source>
        <comment>role.manager</comment>
        <translation>店长</translation>
    </message>
    <message>
        <source>administrator</source>
        <comment>role.admin</comment>
        <translation>管理员</translation>
    </message>
    <message>
        <source>void a sale</source>
        <comment>action.void</comment>
        <translation>作废交易</translation>
    </message>
    <message>
        <source>refund a return</source>
        <comment>action.refund</comment>
        <translation>退货退款</translation>
    </message>
    <message>
        <source>take a return without a receipt</source>
        <comment>action.no_receipt_return</comment>
        <translation>无小票退货</translation>
    </message>
    <message>
        <source>give a discount beyond the limit</source>
        <comment>action.discount_beyond_limit</comment>
        <translation>超出权限给优惠</translation>
    </message>
    <message>
        <source>override a price</source>
        <comment>action.price_override</comment>
        <translation>改价</translation>
    </message>
    <message>
        <source>open the drawer without a sale</source>
        <comment>action.open_drawer</comment>
        <translation>无交易开钱箱</translation>
    </message>
    <message>
        <source>manage staff</source>
        <comment>action.staff_admin</comment>
        <translation>管理员工</translation>
    </message>
    <message>
        <source>close the day</source>
        <comment>action.close_day</comment>
        <translation>交班日结</translation>
    </message>
    <message>
        <source>A PIN is {min} to {max} digits</source>
        <comment>staff.pin_format</comment>
        <translation>密码为 {min} 到 {max} 位数字</translation>
    </message>
    <message>
        <source>A staff member needs a name</source>
        <comment>staff.needs_name</comment>
        <translation>员工必须填写姓名</translation>
    </message>
    <message>
        <source>'{role}' is not a role; choose one of {allowed:list}</source>
        <comment>staff.unknown_role</comment>
        <translation>“{role}”不是有效的岗位；可选：{allowed:list}</translation>
    </message>
    <message>
        <source>There is already a staff member called '{name}'</source>
        <comment>staff.name_taken</comment>
        <translation>已有名为“{name}”的员工</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <comment>staff.wrong_pin</comment>
        <translation>密码错误</translation>
    </message>
    <message>
        <source>Too many wrong PINs: {name} is locked for {seconds} more seconds</source>
        <comment>staff.locked</comment>
        <translation>密码错误次数过多：{name} 已被锁定，请 {seconds} 秒后再试</translation>
    </message>
    <message>
        <source>the two PINs differ; nothing was changed</source>
        <comment>staff.pins_differ</comment>
        <translation>两次输入的密码不一致；未做任何更改</translation>
    </message>
    <message>
        <source>No staff member is called '{name}'</source>
        <comment>staff.no_one_called</comment>
        <translation>没有名为“{name}”的员工</translation>
    </message>
    <message>
        <source>No such staff member</source>
        <comment>staff.no_such</comment>
        <translation>没有这名员工</translation>
    </message>
    <message>
        <source>Log in first</source>
        <comment>permission.log_in_first</comment>
        <translation>请先登录</translation>
    </message>
    <message>
        <source>A manager must approve this: {action:msg}</source>
        <comment>permission.manager_must_approve</comment>
        <translation>此操作需要店长授权：{action:msg}</translation>
    </message>
    <message>
        <source>An administrator must approve this: {action:msg}</source>
        <comment>permission.admin_must_approve</comment>
        <translation>此操作需要管理员授权：{action:msg}</translation>
    </message>
    <message>
        <source>{name} may not approve: {action:msg}</source>
        <comment>permission.may_not_approve</comment>
        <translation>{name} 无权授权：{action:msg}</translation>
    </message>
    <message>
        <source>That approval does not exist</source>
        <comment>approval.unknown</comment>
        <translation>该授权不存在</translation>
    </message>
    <message>
        <source>That approval was already used; a manager must approve again</source>
        <comment>approval.used</comment>
        <translation>该授权已经用过，请店长重新授权</translation>
    </message>
    <message>
        <source>That approval was given for something else</source>
        <comment>approval.other_action</comment>
        <translation>该授权不是针对此操作的</translation>
    </message>
    <message>
        <source>'{phone}' is not a phone number</source>
        <comment>customer.bad_phone</comment>
        <translation>“{phone}”不是有效的电话号码</translation>
    </message>
    <message>
        <source>That customer no longer exists</source>
        <comment>customer.gone</comment>
        <translation>该客户已不存在</translation>
    </message>
    <message>
        <source>A customer needs a name</source>
        <comment>customer.needs_name</comment>
        <translation>客户必须填写姓名</translation>
    </message>
    <message>
        <source>A customer is a consumer or a business</source>
        <comment>customer.bad_kind</comment>
        <translation>客户类型只能是个人客户或企业客户</translation>
    </message>
    <message>
        <source>A business customer needs a company name</source>
        <comment>customer.needs_company</comment>
        <translation>企业客户必须填写公司名称</translation>
    </message>
    <message>
        <source>A customer with phone {phone} already exists</source>
        <comment>customer.phone_taken</comment>
        <translation>电话为 {phone} 的客户已存在</translation>
    </message>
    <message>
        <source>No customer has the phone number {phone}</source>
        <comment>customer.unknown_phone</comment>
        <translation>没有电话号码为 {phone} 的客户</translation>
    </message>
    <message>
        <source>No such customer</source>
        <comment>customer.no_such</comment>
        <translation>没有这位客户</translation>
    </message>
    <message>
        <source>days must be 1 or more</source>
        <comment>followup.days</comment>
        <translation>天数至少为 1</translation>
    </message>
    <message>
        <source>kind is consumer or business</source>
        <comment>followup.kind</comment>
        <translation>类型只能是 consumer（个人）或 business（企业）</translation>
    </message>
    <message>
        <source>'{outcome}' is not a call outcome ({allowed:list})</source>
        <comment>followup.bad_outcome</comment>
        <translation>“{outcome}”不是有效的回访结果（{allowed:list}）</translation>
    </message>
    <message>
        <source>Say how the call went</source>
        <comment>followup.say_how</comment>
        <translation>请填写回访结果</translation>
    </message>
    <message>
        <source>That follow-up call does not exist</source>
        <comment>followup.unknown</comment>
        <translation>该回访电话不存在</translation>
    </message>
    <message>
        <source>That call is assigned to someone else</source>
        <comment>followup.not_yours</comment>
        <translation>该回访已分配给其他人</translation>
    </message>
    <message>
        <source>That line is no longer in the cart</source>
        <comment>cart.line_gone</comment>
        <translation>该商品已不在购物车中</translation>
    </message>
    <message>
        <source>{name} is not a main unit</source>
        <comment>cart.not_main_unit</comment>
        <translation>{name} 不是主机</translation>
    </message>
    <message>
        <source>'{tender}' is not a way to pay</source>
        <comment>tender.unknown</comment>
        <translation>“{tender}”不是有效的付款方式</translation>
    </message>
    <message>
        <source>Add a payment before completing the sale</source>
        <comment>tender.none</comment>
        <translation>请先添加付款再完成交易</translation>
    </message>
    <message>
        <source>Each payment must be more than zero</source>
        <comment>tender.not_positive</comment>
        <translation>每笔付款金额必须大于零</translation>
    </message>
    <message>
        <source>Not enough tendered: {due:money} still due</source>
        <comment>tender.short</comment>
        <translation>实收不足：还差 {due:money}</translation>
    </message>
    <message>
        <source>Card, mobile, voucher or account payments cannot exceed the amount due; change is given only in cash</source>
        <comment>tender.non_cash_over</comment>
        <translation>银行卡、移动支付、代金券或挂账付款不能超过应付金额；只有现金可以找零</translation>
    </message>
    <message>
        <source>Change can be given only from cash</source>
        <comment>tender.change_from_cash</comment>
        <translation>只能用现金找零</translation>
    </message>
    <message>
        <source>Log in before starting a sale</source>
        <comment>sale.log_in_to_start</comment>
        <translation>请先登录再开始交易</translation>
    </message>
    <message>
        <source>Log in before selling</source>
        <comment>sale.log_in_to_sell</comment>
        <translation>请先登录再销售</translation>
    </message>
    <message>
        <source>A new unit is a new sale, not an add-on</source>
        <comment>sale.unit_is_new_sale</comment>
        <translation>新主机请开新单，不能作为加购</translation>
    </message>
    <message>
        <source>Service cards are added from the unit's card tiers</source>
        <comment>sale.cards_from_tiers</comment>
        <translation>服务卡请从主机的服务卡等级中选择</translation>
    </message>
    <message>
        <source>Serial-tracked units are added one at a time (each has its own serial)</source>
        <comment>sale.serial_units_one_by_one</comment>
        <translation>有序列号的商品请逐台添加（每台都有自己的序列号）</translation>
    </message>
    <message>
        <source>Only the quantity of a plain accessory line can change</source>
        <comment>sale.quantity_plain_only</comment>
        <translation>只有普通配件可以修改数量</translation>
    </message>
    <message>
        <source>The line's discount is larger than the new line total</source>
        <comment>sale.discount_over_new_total</comment>
        <translation>该行的优惠大于修改后的金额</translation>
    </message>
    <message>
        <source>The unit was sold earlier; only what is added now can be removed</source>
        <comment>sale.unit_sold_earlier</comment>
        <translation>这台主机是之前售出的；只能移除本次加购的商品</translation>
    </message>
    <message>
        <source>Quantity must be a whole number above zero</source>
        <comment>sale.quantity_whole</comment>
        <translation>数量必须是大于零的整数</translation>
    </message>
    <message>
        <source>Quantity above {max} is not allowed</source>
        <comment>sale.quantity_max</comment>
        <translation>数量不能超过 {max}</translation>
    </message>
    <message>
        <source>Give a discount as a percentage or as an amount</source>
        <comment>discount.percent_or_amount</comment>
        <translation>优惠请按百分比或金额填写</translation>
    </message>
    <message>
        <source>A gift pack is already at its pack price</source>
        <comment>discount.pack_price</comment>
        <translation>礼包已经是礼包价</translation>
    </message>
    <message>
        <source>A discount cannot be negative</source>
        <comment>discount.negative</comment>
        <translation>优惠不能为负数</translation>
    </message>
    <message>
        <source>A discount cannot be more than the line</source>
        <comment>discount.over_line</comment>
        <translation>优惠不能超过该行金额</translation>
    </message>
    <message>
        <source>A {role:msg} may discount at most {limit:percent} of a line; this needs a manager</source>
        <comment>discount.over_limit</comment>
        <translation>{role:msg}对单行最多只能优惠 {limit:percent}；超出需要店长授权</translation>
    </message>
    <message>
        <source>A price override needs a reason</source>
        <comment>price.needs_reason</comment>
        <translation>改价必须填写原因</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <comment>price.negative</comment>
        <translation>价格不能为负数</translation>
    </message>
    <message>
        <source>Pack parts, service cards and earlier units keep their prices</source>
        <comment>price.fixed</comment>
        <translation>礼包内商品、服务卡和之前售出的主机不能改价</translation>
    </message>
    <message>
        <source>Remove the line's discount before lowering the price below it</source>
        <comment>price.below_discount</comment>
        <translation>请先取消该行的优惠，再把价格改到低于优惠金额</translation>
    </message>
    <message>
        <source>{name} does not take a serial number</source>
        <comment>serial.not_tracked</comment>
        <translation>{name} 不需要录入序列号</translation>
    </message>
    <message>
        <source>'{serial}' is not a serial number or IMEI</source>
        <comment>serial.invalid</comment>
        <translation>“{serial}”不是有效的序列号或 IMEI</translation>
    </message>
    <message>
        <source>Serial {serial} is already on another line of this sale</source>
        <comment>serial.on_other_line</comment>
        <translation>序列号 {serial} 已录在本单的另一行</translation>
    </message>
    <message>
        <source>Serial {serial} of {name} has already been sold</source>
        <comment>serial.sold</comment>
        <translation>{name} 的序列号 {serial} 已经售出</translation>
    </message>
    <message>
        <source>Service cards on the sale need a customer</source>
        <comment>sale.cards_need_customer</comment>
        <translation>本单有服务卡，必须登记客户</translation>
    </message>
    <message>
        <source>Business cards on the sale need a business customer</source>
        <comment>sale.business_cards_need_business</comment>
        <translation>本单有企业服务卡，必须登记企业客户</translation>
    </message>
    <message>
        <source>'{outcome}' is not sold, declined or not yet</source>
        <comment>sheet.bad_outcome</comment>
        <translation>“{outcome}”不是“已售”“已拒绝”或“未询问”</translation>
    </message>
    <message>
        <source>That item is not on the sheet of {name}</source>
        <comment>sheet.item_not_on_sheet</comment>
        <translation>该项目不在 {name} 的配置单上</translation>
    </message>
    <message>
        <source>That product does not satisfy '{item}'</source>
        <comment>sheet.product_not_for_item</comment>
        <translation>该商品不属于“{item}”</translation>
    </message>
    <message>
        <source>That service card is not available for {name}</source>
        <comment>card.not_available</comment>
        <translation>{name} 不能选这张服务卡</translation>
    </message>
    <message>
        <source>{name} already has a {card}</source>
        <comment>card.already</comment>
        <translation>{name} 已有{card}</translation>
    </message>
    <message>
        <source>A service card needs the customer: find or add them by phone first</source>
        <comment>card.needs_customer</comment>
        <translation>服务卡需要登记客户：请先按手机号查找或新建客户</translation>
    </message>
    <message>
        <source>{card} is for business customers</source>
        <comment>card.business_only</comment>
        <translation>{card}仅限企业客户</translation>
    </message>
    <message>
        <source>Remove the chosen card before recording that the card was declined</source>
        <comment>card.remove_before_decline</comment>
        <translation>请先移除已选的服务卡，再登记顾客拒绝服务卡</translation>
    </message>
    <message>
        <source>There is nothing to park</source>
        <comment>park.nothing</comment>
        <translation>购物车是空的，无需挂单</translation>
    </message>
    <message>
        <source>That parked sale was already resumed</source>
        <comment>park.already_resumed</comment>
        <translation>该挂单已被取回</translation>
    </message>
    <message>
        <source>{receipt} has no unit to add accessories to</source>
        <comment>addon.no_unit</comment>
        <translation>{receipt} 中没有可加购配件的主机</translation>
    </message>
    <message>
        <source>This sale has several units: choose the one you are installing</source>
        <comment>addon.choose_unit</comment>
        <translation>本单有多台主机：请选择正在安装的那一台</translation>
    </message>
    <message>
        <source>Line {line} of {receipt} is not a unit</source>
        <comment>addon.not_a_unit</comment>
        <translation>{receipt} 的第 {line} 行不是主机</translation>
    </message>
    <message>
        <source>The cart is empty</source>
        <comment>cart.empty</comment>
        <translation>购物车是空的</translation>
    </message>
    <message>
        <source>A serial number on this sale was sold at the same moment elsewhere; check the serials and try again</source>
        <comment>sale.serial_race</comment>
        <translation>本单的一个串号刚刚在别处售出；请核对串号后重试</translation>
    </message>
    <message>
        <source>Scan or type the serial number of {name}</source>
        <comment>serial.missing</comment>
        <translation>请扫描或输入 {name} 的串号</translation>
    </message>
    <message>
        <source>Serial {serial} has already been sold</source>
        <comment>serial.already_sold</comment>
        <translation>串号 {serial} 已经售出</translation>
    </message>
    <message>
        <source>Service cards need a customer with a phone number and a name</source>
        <comment>card.needs_named_customer</comment>
        <translation>服务卡需要有姓名和手机号的顾客</translation>
    </message>
    <message>
        <source>Never type a card number: keep only the terminal's reference and the last 4 digits</source>
        <comment>tender.card_number_typed</comment>
        <translation>切勿输入完整卡号：只记录刷卡终端的参考号和卡号后4位</translation>
    </message>
    <message>
        <source>Only a bank card payment keeps a last-4, and it is 4 digits</source>
        <comment>tender.last4_bank_card_only</comment>
        <translation>只有银行卡付款才记录卡号后4位，且必须是4位数字</translation>
    </message>
    <message>
        <source>A voucher payment needs the voucher's code</source>
        <comment>tender.voucher_code</comment>
        <translation>代金券付款需要填写券码</translation>
    </message>
    <message>
        <source>Paying on account needs the customer</source>
        <comment>tender.account_needs_customer</comment>
        <translation>挂账付款需要先选择顾客</translation>
    </message>
    <message>
        <source>Scan the receipt, or type a receipt number, phone or serial</source>
        <comment>find.what</comment>
        <translation>请扫描小票，或输入小票号、手机号或串号</translation>
    </message>
    <message>
        <source>No sale has the receipt number '{receipt}'</source>
        <comment>sale.no_receipt</comment>
        <translation>没有小票号为“{receipt}”的单据</translation>
    </message>
    <message>
        <source>{receipt} is a {kind:msg}, not a sale</source>
        <comment>sale.not_a_sale</comment>
        <translation>{receipt} 是{kind:msg}，不是销售单</translation>
    </message>
    <message>
        <source>{receipt} is a {kind:msg}: add to the original sale</source>
        <comment>addon.not_a_sale</comment>
        <translation>{receipt} 是{kind:msg}：请在原销售单上加购</translation>
    </message>
    <message>
        <source>sale</source>
        <comment>document.sale</comment>
        <translation>销售单</translation>
    </message>
    <message>
        <source>add-on</source>
        <comment>document.addon</comment>
        <translation>加购单</translation>
    </message>
    <message>
        <source>refund</source>
        <comment>document.refund</comment>
        <translation>退货单</translation>
    </message>
    <message>
        <source>void</source>
        <comment>document.void</comment>
        <translation>作废单</translation>
    </message>
    <message>
        <source>No service card has the number '{card}'</source>
        <comment>card.no_number</comment>
        <translation>没有编号为“{card}”的服务卡</translation>
    </message>
    <message>
        <source>No sheet '{sheet}' prints on the {layout} layout</source>
        <comment>sheet.no_sheet_on_layout</comment>
        <translation>没有名为“{sheet}”的配置单使用 {layout} 版式</translation>
    </message>
    <message>
        <source>No sheet uses the layout '{layout}' (layouts: {layouts:list})</source>
        <comment>sheet.no_layout</comment>
        <translation>没有配置单使用“{layout}”版式（可用版式：{layouts:list}）</translation>
    </message>
    <message>
        <source>Choose what comes back</source>
        <comment>return.choose_items</comment>
        <translation>请选择要退回的商品</translation>
    </message>
    <message>
        <source>A returned quantity is a whole number above zero</source>
        <comment>return.quantity_whole</comment>
        <translation>退货数量必须是大于零的整数</translation>
    </message>
    <message>
        <source>Line {line} is not on receipt {receipt}</source>
        <comment>return.line_not_on_receipt</comment>
        <translation>小票 {receipt} 上没有第 {line} 行</translation>
    </message>
    <message>
        <source>{name} was sold with {names:list}: do they come back too?</source>
        <comment>return.attached_ask</comment>
        <translation>{name} 随机售出了 {names:list}：这些也一起退回吗？</translation>
    </message>
    <message>
        <source>Only {left} of {name} can still come back on this receipt</source>
        <comment>return.only_left</comment>
        <translation>本小票上的 {name} 最多还能退 {left} 件</translation>
    </message>
    <message>
        <source>{name} has already come back</source>
        <comment>return.already_back</comment>
        <translation>{name} 已经退过了</translation>
    </message>
    <message>
        <source>Say why the goods come back without a receipt</source>
        <comment>return.reason_without_receipt</comment>
        <translation>请说明无小票退货的原因</translation>
    </message>
    <message>
        <source>Without a receipt the refund is at most the current price</source>
        <comment>return.no_receipt_price</comment>
        <translation>无小票退货的退款不得高于现价</translation>
    </message>
    <message>
        <source>A unit with a serial number comes back against its sale: find it by its serial</source>
        <comment>return.serial_needs_sale</comment>
        <translation>有串号的主机须凭原销售单退货：请按串号查找该单</translation>
    </message>
    <message>
        <source>A refund cannot be more than was paid less earlier refunds</source>
        <comment>refund.over_paid</comment>
        <translation>退款不能超过已付金额减去之前的退款</translation>
    </message>
    <message>
        <source>The refund is {total:money}; the money given back must add up to exactly that</source>
        <comment>refund.must_add_up</comment>
        <translation>退款金额为 {total:money}；退回的款项合计必须正好等于这个数</translation>
    </message>
    <message>
        <source>Each refund payment must be more than zero</source>
        <comment>refund.payment_positive</comment>
        <translation>每笔退款金额必须大于零</translation>
    </message>
    <message>
        <source>Money goes back in cash or by the way it was paid</source>
        <comment>refund.cash_or_original_way</comment>
        <translation>退款只能以现金或原支付方式退回</translation>
    </message>
    <message>
        <source>{receipt} belongs to a closed shift: only sales of the current shift can be voided; take a return instead</source>
        <comment>void.closed_shift</comment>
        <translation>{receipt} 属于已交班的班次：只能作废本班次的销售，请改为退货</translation>
    </message>
    <message>
        <source>{receipt} already has a return or a void</source>
        <comment>void.already_corrected</comment>
        <translation>{receipt} 已有退货或作废记录</translation>
    </message>
    <message>
        <source>The float is an amount of zero or more</source>
        <comment>shift.float_negative</comment>
        <translation>备用金不能为负数</translation>
    </message>
    <message>
        <source>{terminal} already has an open shift; close it first</source>
        <comment>shift.already_open</comment>
        <translation>{terminal} 已有未交班的班次；请先交班</translation>
    </message>
    <message>
        <source>Paid-in or paid-out is an amount other than zero</source>
        <comment>shift.cash_zero</comment>
        <translation>存入或取出的金额不能为零</translation>
    </message>
    <message>
        <source>Say why cash goes in or out of the drawer</source>
        <comment>shift.cash_reason</comment>
        <translation>请说明钱箱存入或取出现金的原因</translation>
    </message>
    <message>
        <source>{terminal} has no open shift</source>
        <comment>shift.none_open</comment>
        <translation>{terminal} 没有进行中的班次</translation>
    </message>
    <message>
        <source>{terminal} has no open shift to close</source>
        <comment>shift.none_to_close</comment>
        <translation>{terminal} 没有可交班的班次</translation>
    </message>
    <message>
        <source>Count only these notes and coins: {denominations:list}</source>
        <comment>shift.denominations</comment>
        <translation>只能清点这些面额的纸币和硬币：{denominations:list}</translation>
    </message>
    <message>
        <source>Each count is a whole number of zero or more</source>
        <comment>shift.count_whole</comment>
        <translation>每种面额的张数必须是不小于零的整数</translation>
    </message>
    <message>
        <source>Say why the drawer is opened</source>
        <comment>drawer.reason</comment>
        <translation>请说明开钱箱的原因</translation>
    </message>
    <message>
        <source>That job was already printed</source>
        <comment>print.job_printed</comment>
        <translation>该打印任务已经打印过了</translation>
    </message>
    <message>
        <source>Only a failed print job can be retried</source>
        <comment>print.retry_failed_only</comment>
        <translation>只有失败的打印任务才能重试</translation>
    </message>
    <message>
        <source>That print job no longer exists</source>
        <comment>print.job_gone</comment>
        <translation>该打印任务已不存在</translation>
    </message>
    <message>
        <source>unknown printer setting(s): {names:list}</source>
        <comment>print.unknown_settings</comment>
        <translation>无法识别的打印机设置：{names:list}</translation>
    </message>
    <message>
        <source>receipt paper is 58 or 80 mm wide</source>
        <comment>print.paper_width</comment>
        <translation>小票纸宽只能是 58 或 80 毫米</translation>
    </message>
    <message>
        <source>receipt not printed (job {job} kept for retry): {reason}</source>
        <comment>print.receipt_not_printed</comment>
        <translation>小票未打印（打印任务 {job} 已保留，可重试）：{reason}</translation>
    </message>
    <message>
        <source>copies are customer, store and installer; not {copies:list}</source>
        <comment>print.bad_copies</comment>
        <translation>联次只能是 customer（顾客联）、store（门店联）和 installer（安装联）；不能是 {copies:list}</translation>
    </message>
    <message>
        <source>Sale {receipt} has no main unit, so no configuration sheet</source>
        <comment>print.no_main_unit</comment>
        <translation>交易 {receipt} 中没有主机，所以没有配置单</translation>
    </message>
    <message>
        <source>Unknown sheet copies {copies:list}; choose from {allowed:list}</source>
        <comment>print.unknown_sheet_copies</comment>
        <translation>无法识别的配置单联次 {copies:list}；可选：{allowed:list}</translation>
    </message>
    <message>
        <source>Page size '{size}' is not supported (A4 or A5)</source>
        <comment>print.page_size</comment>
        <translation>不支持纸张尺寸“{size}”（只支持 A4 或 A5）</translation>
    </message>
    <message>
        <source>Unknown print job kind '{kind}'</source>
        <comment>print.unknown_job_kind</comment>
        <translation>无法识别的打印任务类型“{kind}”</translation>
    </message>
    <message>
        <source>Sheets and card certificates print to a PDF folder (pdf:///folder), not to the receipt printer</source>
        <comment>print.documents_to_pdf</comment>
        <translation>配置单和服务卡证书要打印到 PDF 文件夹（pdf:///folder），不能打印到小票打印机</translation>
    </message>
    <message>
        <source>'{uri}' is not a printer address; use network://HOST:9100, usb://VENDOR:PRODUCT, serial:///dev/ttyUSB0, file:///path or pdf:///folder</source>
        <comment>printer.bad_uri</comment>
        <translation>“{uri}”不是打印机地址；请使用 network://HOST:9100、usb://VENDOR:PRODUCT、serial:///dev/ttyUSB0、file:///path 或 pdf:///folder</translation>
    </message>
    <message>
        <source>Printer {where}: {reason}</source>
        <comment>printer.file_failed</comment>
        <translation>打印机 {where}：{reason}</translation>
    </message>
    <message>
        <source>Cannot send receipt bytes to a {scheme} printer</source>
        <comment>printer.cannot_send</comment>
        <translation>无法把小票数据发送到 {scheme} 打印机</translation>
    </message>
    <message>
        <source>Printer {where} refused the connection: is it switched on?</source>
        <comment>printer.refused</comment>
        <translation>打印机 {where} 拒绝连接：打印机开机了吗？</translation>
    </message>
    <message>
        <source>Printer {where} did not answer within {seconds:number} s: check paper, cover and cable</source>
        <comment>printer.timeout</comment>
        <translation>打印机 {where} 在 {seconds:number} 秒内没有响应：请检查纸张、上盖和连线</translation>
    </message>
    <message>
        <source>Printer {where} is unreachable: {reason}</source>
        <comment>printer.unreachable</comment>
        <translation>无法连接打印机 {where}：{reason}</translation>
    </message>
    <message>
        <source>Printer {where} closed the connection without answering</source>
        <comment>printer.no_answer</comment>
        <translation>打印机 {where} 没有应答就断开了连接</translation>
    </message>
    <message>
        <source>Printer {where} is offline: check paper and cover</source>
        <comment>printer.offline</comment>
        <translation>打印机 {where} 离线：请检查纸张和上盖</translation>
    </message>
    <message>
        <source>Printer {where}: {reason}</source>
        <comment>printer.device_failed</comment>
        <translation>打印机 {where}：{reason}</translation>
    </message>
    <message>
        <source>Cannot save {name} in {folder}: {reason}</source>
        <comment>printer.cannot_save</comment>
        <translation>无法把 {name} 保存到 {folder}：{reason}</translation>
    </message>
    <message>
        <source>unknown store setting(s): {names:list}</source>
        <comment>store.unknown_settings</comment>
        <translation>无法识别的门店设置：{names:list}</translation>
    </message>
    <message>
        <source>currency is a three-letter ISO code such as CNY</source>
        <comment>store.currency</comment>
        <translation>币种须为三个字母的 ISO 代码，例如 CNY</translation>
    </message>
    <message>
        <source>'{text}' is not KEY=VALUE</source>
        <comment>cli.not_key_value</comment>
        <translation>“{text}”不是“键=值”的格式</translation>
    </message>
    <message>
        <source>'{text}' is not a date like 2026-11-23</source>
        <comment>cli.bad_date</comment>
        <translation>“{text}”不是日期，请按 2026-11-23 的格式填写</translation>
    </message>
    <message>
        <source>demo locale '{locale}' is not one of {allowed:list}</source>
        <comment>demo.bad_locale</comment>
        <translation>演示语言“{locale}”不是可选值之一：{allowed:list}</translation>
    </message>
    <message>
        <source>This database already has products or staff; the demo store loads only into an empty database (use --db with a new file)</source>
        <comment>demo.not_empty</comment>
        <translation>该数据库中已有商品或员工；演示门店只能载入空数据库（请用 --db 指定一个新文件）</translation>
    </message>
    <message>
        <source>This database was set up by a newer version of Tickbox POS (schema {current}); this version knows schemas up to {head}. Install that newer version (or a later one) on this terminal: run its installer (Windows) or unpack its package over this one (Linux); the data folder is kept and nothing needs moving (README: Upgrading).</source>
        <comment>schema.too_new</comment>
        <translation>该数据库由更新版本的 Tickbox POS 建立（数据结构 {current}）；本版本最高只认得到 {head}。请在这台收银机上安装那个更新的版本（或更新的）：Windows 上运行它的安装程序，Linux 上把它的软件包解压覆盖本版本；数据文件夹会保留，不需要移动任何东西（README：Upgrading）。</translation>
    </message>
    <message>
        <source>{field:msg} is required</source>
        <comment>text.required</comment>
        <translation>必须填写{field:msg}</translation>
    </message>
    <message>
        <source>{field:msg} holds control characters (such as NUL); type it again</source>
        <comment>text.control_characters</comment>
        <translation>{field:msg}含有控制字符（如 NUL），请重新输入</translation>
    </message>
    <message>
        <source>{field:msg} is longer than {max} characters</source>
        <comment>text.too_long</comment>
        <translation>{field:msg}超过 {max} 个字符</translation>
    </message>
    <message>
        <source>The text</source>
        <comment>field.text</comment>
        <translation>文字</translation>
    </message>
    <message>
        <source>The name</source>
        <comment>field.name</comment>
        <translation>名称</translation>
    </message>
    <message>
        <source>The reason</source>
        <comment>field.reason</comment>
        <translation>原因</translation>
    </message>
    <message>
        <source>The payment reference</source>
        <comment>field.reference</comment>
        <translation>付款参考号</translation>
    </message>
    <message>
        <source>The notes</source>
        <comment>field.notes</comment>
        <translation>备注</translation>
    </message>
    <message>
        <source>The company name</source>
        <comment>field.company</comment>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>The label</source>
        <comment>field.label</comment>
        <translation>标签</translation>
    </message>
    <message>
        <source>The address</source>
        <comment>field.address</comment>
        <translation>地址</translation>
    </message>
    <message>
        <source>The store's key {path} is readable by other users; make it readable by its owner only (chmod 600) and start again</source>
        <comment>key.shared</comment>
        <translation>店铺密钥 {path} 其他用户也能读取；请改为仅所有者可读写（chmod 600）后重新启动</translation>
    </message>
    <message>
        <source>The store's key {path} is damaged or not a Tickbox key; put back the store.key from the store's backup (the journal cannot be checked without it)</source>
        <comment>key.damaged</comment>
        <translation>店铺密钥 {path} 已损坏或不是 Tickbox 密钥；请从店铺备份中恢复 store.key（没有它无法核验流水账）</translation>
    </message>
    <message>
        <source>the file begins with UTF-8's byte-order mark, but line {line} is not UTF-8 (GBK?); save it from Excel as 'CSV UTF-8' and try again</source>
        <comment>csv.bom_not_utf8</comment>
        <translation>文件以 UTF-8 的字节顺序标记开头，但第 {line} 行不是 UTF-8（是 GBK？）；请在 Excel 中另存为“CSV UTF-8”后重试</translation>
    </message>
    <message>
        <source>a field is longer than {max} characters</source>
        <comment>csv.field_too_long</comment>
        <translation>有一个字段超过 {max} 个字符</translation>
    </message>
    <message>
        <source>cannot be read as CSV: {reason}</source>
        <comment>csv.unreadable_row</comment>
        <translation>无法按 CSV 读取：{reason}</translation>
    </message>
    <message>
        <source>holds control characters (such as NUL)</source>
        <comment>field.control_characters</comment>
        <translation>含有控制字符（例如 NUL）</translation>
    </message>
    <message>
        <source>'{text}' is more than {max}</source>
        <comment>value.too_large</comment>
        <translation>“{text}”超过 {max}</translation>
    </message>
    <message>
        <source>'{text}' is more than {max:money}</source>
        <comment>amount.too_large</comment>
        <translation>“{text}”超过 {max:money}</translation>
    </message>
    <message>
        <source>the checklist file nests tables or arrays too deeply to be a checklist file</source>
        <comment>checklist.too_deep</comment>
        <translation>配置单文件的表或数组嵌套过深，不是配置单文件</translation>
    </message>
    <message>
        <source>{key} must be text in quotes</source>
        <comment>checklist.text_value</comment>
        <translation>{key} 必须是带引号的文字</translation>
    </message>
    <message>
        <source>term_months is at most {max} ({years} years); for longer, write lifetime = true</source>
        <comment>checklist.term_too_long</comment>
        <translation>term_months 最多为 {max}（{years} 年）；更长请写 lifetime = true</translation>
    </message>
    <message>
        <source>units_covered is at most {max}</source>
        <comment>checklist.units_covered_max</comment>
        <translation>units_covered 最多为 {max}</translation>
    </message>
    <message>
        <source>days must be from 1 to {max}</source>
        <comment>followup.days_range</comment>
        <translation>天数必须在 1 到 {max} 之间</translation>
    </message>
    <message>
        <source>No store has the code '{code}'</source>
        <comment>store.unknown_code</comment>
        <translation>没有代码为“{code}”的门店</translation>
    </message>
    <message>
        <source>The disk holding the database {where} is full: nothing was saved. Free some space on it (or call the manager), then try again</source>
        <comment>db.disk_full</comment>
        <translation>数据库 {where} 所在的磁盘已满：没有保存任何内容。请腾出磁盘空间（或联系店长）后重试</translation>
    </message>
    <message>
        <source>The database {where} is read-only: nothing was saved. Check the file's permissions and the disk, then try again</source>
        <comment>db.read_only</comment>
        <translation>数据库 {where} 是只读的：没有保存任何内容。请检查文件权限和磁盘后重试</translation>
    </message>
    <message>
        <source>The disk holding the database {where} could not be read or written (an I/O error): nothing was saved. Check the disk, then try again</source>
        <comment>db.io_error</comment>
        <translation>读写数据库 {where} 所在的磁盘时出错（I/O 错误）：没有保存任何内容。请检查磁盘后重试</translation>
    </message>
    <message>
        <source>The database {where} is busy: another till or program has held it for more than {seconds} s. Try again</source>
        <comment>db.busy</comment>
        <translation>数据库 {where} 正忙：另一台收银机或程序占用它已超过 {seconds} 秒。请重试</translation>
    </message>
    <message>
        <source>The folder {folder} of the database {where} does not exist: check --db or POS_DATABASE_URL</source>
        <comment>db.no_folder</comment>
        <translation>数据库 {where} 所在的文件夹 {folder} 不存在：请检查 --db 或 POS_DATABASE_URL</translation>
    </message>
    <message>
        <source>Cannot open the database {where}: check that the file and its folder can be read and written</source>
        <comment>db.cannot_open</comment>
        <translation>无法打开数据库 {where}：请检查该文件及其文件夹是否可读写</translation>
    </message>
    <message>
        <source>The database {where} is damaged. Stop selling on this till and restore the database from the latest backup (README: Restoring a damaged database), then run pos journal verify</source>
        <comment>db.damaged</comment>
        <translation>数据库 {where} 已损坏。请停止在本收银机上销售，用最近的备份恢复数据库（见 README：Restoring a damaged database），然后运行 pos journal verify</translation>
    </message>
    <message>
        <source>The database server {where} is out of resources (memory or connections): try again shortly</source>
        <comment>db.server_busy</comment>
        <translation>数据库服务器 {where} 资源不足（内存或连接数）：请稍后重试</translation>
    </message>
    <message>
        <source>The database server {where} refused the user name or password of the database URL</source>
        <comment>db.login_refused</comment>
        <translation>数据库服务器 {where} 拒绝了数据库 URL 中的用户名或密码</translation>
    </message>
    <message>
        <source>The database server has no database {where}: check --db or POS_DATABASE_URL</source>
        <comment>db.no_such_database</comment>
        <translation>数据库服务器上没有数据库 {where}：请检查 --db 或 POS_DATABASE_URL</translation>
    </message>
    <message>
        <source>The connection to the database {where} was lost: try again</source>
        <comment>db.connection_lost</comment>
        <translation>与数据库 {where} 的连接已断开：请重试</translation>
    </message>
    <message>
        <source>The database server {where} did not answer within {seconds} s: check the network and the server</source>
        <comment>db.server_timeout</comment>
        <translation>数据库服务器 {where} 在 {seconds} 秒内没有响应：请检查网络和服务器</translation>
    </message>
    <message>
        <source>The database server {where} refused the connection: is it running?</source>
        <comment>db.server_refused</comment>
        <translation>数据库服务器 {where} 拒绝连接：服务器是否已启动？</translation>
    </message>
    <message>
        <source>Cannot reach the database server {where}: {reason}</source>
        <comment>db.server_unreachable</comment>
        <translation>无法连接数据库服务器 {where}：{reason}</translation>
    </message>
    <message>
        <source>pos db backup copies an SQLite file; back up a PostgreSQL database with pg_dump</source>
        <comment>db.backup_sqlite_only</comment>
        <translation>pos db backup 只能复制 SQLite 文件；PostgreSQL 数据库请用 pg_dump 备份</translation>
    </message>
    <message>
        <source>{path} already exists; give the backup a new name</source>
        <comment>db.backup_exists</comment>
        <translation>{path} 已存在；请为备份换一个文件名</translation>
    </message>
    <message>
        <source>unexpected error: a bug in Tickbox POS (the traceback above says where); please report it</source>
        <comment>error.bug</comment>
        <translation>意外错误：Tickbox POS 的程序缺陷（上面的回溯信息说明了位置）；请报告此问题</translation>
    </message>
    <message>
        <source>pay cash into the drawer</source>
        <comment>action.paid_in</comment>
        <translation>向钱箱存入现金</translation>
    </message>
    <message>
        <source>pay cash out of the drawer</source>
        <comment>action.paid_out</comment>
        <translation>从钱箱支出现金</translation>
    </message>
    <message>
        <source>That approval was given to {action:msg} for another amount; a manager must approve this amount</source>
        <comment>approval.other_amount</comment>
        <translation>该授权是为另一金额而{action:msg}；需经理为此金额重新授权</translation>
    </message>
    <message>
        <source>That approval was given more than {minutes} minutes ago; a manager must approve again</source>
        <comment>approval.lapsed</comment>
        <translation>该授权已超过 {minutes} 分钟；需经理重新授权</translation>
    </message>
    <message>
        <source>That PIN is too easy to guess (a repeat, a run such as 1234, a year or a date); choose another</source>
        <comment>staff.pin_trivial</comment>
        <translation>该 PIN 太容易被猜到（重复数字、1234 这样的连续数字、年份或日期），请另选一个</translation>
    </message>
    <message>
        <source>A {role:msg} needs a PIN of at least {digits} digits</source>
        <comment>staff.pin_too_short</comment>
        <translation>{role:msg}的 PIN 至少需要 {digits} 位数字</translation>
    </message>
    <message>
        <source>This till's store key (store.key) is not the one the PINs were set with; copy the store's key file to this till's data folder</source>
        <comment>staff.other_key</comment>
        <translation>本收银机的门店密钥（store.key）不是设置 PIN 时所用的密钥；请把门店的密钥文件复制到本收银机的数据文件夹</translation>
    </message>
    <message>
        <source>That parked sale is damaged and cannot be resumed; start the sale again</source>
        <comment>park.damaged</comment>
        <translation>该挂单已损坏，无法恢复；请重新开始这笔销售</translation>
    </message>
    <message>
        <source>The cart's line {name} does not match the store's records; remove it and add it again</source>
        <comment>sale.line_not_valid</comment>
        <translation>购物车中的 {name} 与门店记录不符；请删除后重新添加</translation>
    </message>
    <message>
        <source>{name} is no longer sold; remove it from the cart</source>
        <comment>sale.product_gone</comment>
        <translation>{name} 已停售；请从购物车中删除</translation>
    </message>
    <message>
        <source>The price of {name} is {price:money} and no approved override says otherwise; remove the line and add it again</source>
        <comment>sale.price_not_current</comment>
        <translation>{name} 的价格是 {price:money}，且没有经批准的改价；请删除该行后重新添加</translation>
    </message>
    <message>
        <source>The discount on {name} is more than a {role:msg} may give ({limit:percent} of the line) and no manager approved it as it is now; give the discount again</source>
        <comment>sale.discount_not_approved</comment>
        <translation>{name} 的折扣超过了{role:msg}可给的上限（该行的 {limit:percent}），且没有经理按现在的金额批准；请重新给折扣</translation>
    </message>
    <message>
        <source>The code</source>
        <comment>field.code</comment>
        <translation>条码或编码</translation>
    </message>
    <message>
        <source>The receipt number</source>
        <comment>field.receipt</comment>
        <translation>小票号</translation>
    </message>
    <message>
        <source>The search</source>
        <comment>field.search</comment>
        <translation>搜索内容</translation>
    </message>
    <message>
        <source>That request was already used for {receipt}, another correction; try again</source>
        <comment>correction.request_reused</comment>
        <translation>该请求已用于另一笔更正 {receipt}；请重试</translation>
    </message>
    <message>
        <source>{month} is not a month: write it as YYYY-MM, e.g. 2026-11</source>
        <comment>report.bad_month</comment>
        <translation>{month} 不是月份：请写成 YYYY-MM，例如 2026-11</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts ({start})</source>
        <comment>report.period_backwards</comment>
        <translation>时段的结束日期（{end}）早于开始日期（{start}）</translation>
    </message>
    <message>
        <source>A report covers at most {days} days: choose a shorter period</source>
        <comment>report.period_too_long</comment>
        <translation>报表最多覆盖 {days} 天：请选择较短的时段</translation>
    </message>
    <message>
        <source>Give either --month or --from/--to, not both</source>
        <comment>report.month_or_dates</comment>
        <translation>请只给出 --month 或 --from/--to 其中一种</translation>
    </message>
    <message>
        <source>A period report needs --from DATE (and --to DATE, default today) or --month YYYY-MM</source>
        <comment>report.period_needs_from</comment>
        <translation>时段报表需要 --from 日期（及 --to 日期，默认今天）或 --month YYYY-MM</translation>
    </message>
    <message>
        <source>'{serial}' is not a valid IMEI for {name}: an IMEI is 15 digits, the last one a check digit</source>
        <comment>serial.not_imei</comment>
        <translation>“{serial}”不是有效的 IMEI（{name}）：IMEI 为 15 位数字，最后一位是校验位</translation>
    </message>
    <message>
        <source>IMEI {serial} of {name} has a wrong check digit: a digit was mistyped or two were swapped; check it against the box or dial *#06#</source>
        <comment>serial.imei_check_digit</comment>
        <translation>{name} 的 IMEI {serial} 校验位不对：有数字输错或两位颠倒，请对照包装盒或拨 *#06# 核对</translation>
    </message>
    <message>
        <source>Only {stock:number} of {name} in stock and this sale takes {asked:number}: nothing was sold. Receive the stock first, or a manager may allow selling below zero (setting allow_negative_stock)</source>
        <comment>stock.short</comment>
        <translation>{name} 库存只有 {stock:number} 件，本单需要 {asked:number} 件：未完成销售。请先入库，或由店长允许负库存销售（设置 allow_negative_stock）</translation>
    </message>
    <message>
        <source>needs scope = "software", "hardware" or "screen": what the card covers</source>
        <comment>checklist.needs_scope</comment>
        <translation>需要 scope = "software"、"hardware" 或 "screen"：服务卡保障的内容</translation>
    </message>
    <message>
        <source>needs starts = "sale" or "warranty_end": whether its cover begins at the sale or when the maker's warranty ends</source>
        <comment>checklist.needs_starts</comment>
        <translation>需要 starts = "sale" 或 "warranty_end"：保障自购买之日起，还是自厂商保修期满后开始</translation>
    </message>
    <message>
        <source>gift must be true or false</source>
        <comment>checklist.gift_boolean</comment>
        <translation>gift 必须是 true 或 false</translation>
    </message>
    <message>
        <source>a gift is free: its pack_price is "0.00" or left out, not {price}</source>
        <comment>checklist.gift_is_free</comment>
        <translation>赠品是免费的：pack_price 应为 "0.00" 或不写，而不是 {price}</translation>
    </message>
    <message>
        <source>pack_price is 0: an item given free is marked gift = true</source>
        <comment>checklist.zero_needs_gift</comment>
        <translation>pack_price 为 0：免费赠送的项目须标明 gift = true</translation>
    </message>
    <message>
        <source>category '{code}' is on sheet '{owner}'; importing it on sheet '{sheet}' would move it: take it off one of the two sheets, or import with --move-categories</source>
        <comment>checklist.category_owned</comment>
        <translation>品类 '{code}' 属于配置单 '{owner}'，导入到配置单 '{sheet}' 会把它移过去：请从其中一张配置单去掉它，或用 --move-categories 导入</translation>
    </message>
    <message>
        <source>'{text}' is not a warranty: write the maker's warranty in whole months from 0 to {max}, or leave it empty for the category's</source>
        <comment>catalog.bad_warranty</comment>
        <translation>'{text}' 不是有效的保修期：请填写厂商保修的整月数（0 到 {max}），留空则用品类的保修期</translation>
    </message>
    <message>
        <source>{card} begins when the maker's warranty of {name} ends, and the catalog does not say how long that warranty is: set warranty_months for the product or its category</source>
        <comment>card.unit_warranty_unknown</comment>
        <translation>{card}自{name}的厂商保修期满后开始，但商品资料没有写明保修期多长：请为该商品或其品类设置 warranty_months</translation>
    </message>
    <message>
        <source>{what:msg} for {months} months {when:msg}{dates:msg}</source>
        <comment>coverage.term</comment>
        <translation>{when:msg}{what:msg}{months}个月{dates:msg}</translation>
    </message>
    <message>
        <source>{what:msg} for life, {when:msg}{dates:msg}</source>
        <comment>coverage.lifetime</comment>
        <translation>{when:msg}终身{what:msg}{dates:msg}</translation>
    </message>
    <message>
        <source>from the sale</source>
        <comment>coverage.from_sale</comment>
        <translation>自购买之日起</translation>
    </message>
    <message>
        <source>after the maker's {months}-month warranty</source>
        <comment>coverage.after_maker</comment>
        <translation>厂商{months}个月保修期满后</translation>
    </message>
    <message>
        <source>after the maker's warranty</source>
        <comment>coverage.after_maker_unknown</comment>
        <translation>厂商保修期满后</translation>
    </message>
    <message>
        <source> (to {end:date})</source>
        <comment>coverage.until</comment>
        <translation>（至{end:date}）</translation>
    </message>
    <message>
        <source> ({start:date} to {end:date})</source>
        <comment>coverage.between</comment>
        <translation>（{start:date}至{end:date}）</translation>
    </message>
    <message>
        <source> (from {start:date})</source>
        <comment>coverage.since</comment>
        <translation>（自{start:date}起）</translation>
    </message>
    <message>
        <source>{what:msg} from {start:date} to {end:date}</source>
        <comment>coverage.period</comment>
        <translation>{what:msg}：{start:date}至{end:date}</translation>
    </message>
    <message>
        <source>On-site software service</source>
        <comment>coverage.what.on_site.software</comment>
        <translation>上门软件服务</translation>
    </message>
    <message>
        <source>Carry-in software service</source>
        <comment>coverage.what.carry_in.software</comment>
        <translation>送修软件服务</translation>
    </message>
    <message>
        <source>On-site hardware warranty</source>
        <comment>coverage.what.on_site.hardware</comment>
        <translation>上门硬件保修</translation>
    </message>
    <message>
        <source>Carry-in hardware warranty</source>
        <comment>coverage.what.carry_in.hardware</comment>
        <translation>送修硬件保修</translation>
    </message>
    <message>
        <source>On-site screen-break cover</source>
        <comment>coverage.what.on_site.screen</comment>
        <translation>上门碎屏保障</translation>
    </message>
    <message>
        <source>Carry-in screen-break cover</source>
        <comment>coverage.what.carry_in.screen</comment>
        <translation>送修碎屏保障</translation>
    </message>
    <message>
        <source>Maker's warranty: {months} months</source>
        <comment>coverage.maker_warranty</comment>
        <translation>厂商保修：{months}个月</translation>
    </message>
    <message>
        <source>Maker's warranty: none</source>
        <comment>coverage.no_maker_warranty</comment>
        <translation>厂商保修：无</translation>
    </message>
    <message>
        <source>There is no setting {key}; the settings are {known:list}</source>
        <comment>setting.unknown</comment>
        <translation>没有 {key} 这项设置；可用的设置：{known:list}</translation>
    </message>
    <message>
        <source>{key} was not changed: the value is longer than {most:number} characters</source>
        <comment>setting.too_long</comment>
        <translation>{key} 未修改：值超过 {most:number} 个字符</translation>
    </message>
    <message>
        <source>{key} was not changed: {text} cannot be read; write a number, true or false, a word, or JSON</source>
        <comment>setting.unreadable</comment>
        <translation>{key} 未修改：无法读取 {text}；请填写数字、true 或 false、一个词或 JSON</translation>
    </message>
    <message>
        <source>Only a manager or an administrator may change the store's settings</source>
        <comment>setting.managers_only</comment>
        <translation>只有店长或管理员可以修改门店设置</translation>
    </message>
    <message>
        <source>{key} is already {value}: nothing was changed</source>
        <comment>setting.unchanged</comment>
        <translation>{key} 已经是 {value}：未作任何修改</translation>
    </message>
    <message>
        <source>{key} changed from {old} to {new}</source>
        <comment>setting.changed</comment>
        <translation>{key} 已从 {old} 改为 {new}</translation>
    </message>
    <message>
        <source>{key} was not changed: it takes {expected:msg}</source>
        <comment>setting.bad_value</comment>
        <translation>{key} 未修改：应填写{expected:msg}</translation>
    </message>
    <message>
        <source>{where:path}: {problem:msg}</source>
        <comment>setting.at</comment>
        <translation>{where:path}：{problem:msg}</translation>
    </message>
    <message>
        <source>a whole number from {low:number} to {high:number} is needed, not {value}</source>
        <comment>setting.need_whole</comment>
        <translation>需要 {low:number} 到 {high:number} 之间的整数，而不是 {value}</translation>
    </message>
    <message>
        <source>a JSON object is needed, not {value}</source>
        <comment>setting.need_object</comment>
        <translation>需要一个 JSON 对象，而不是 {value}</translation>
    </message>
    <message>
        <source>a list [...] is needed, not {value}</source>
        <comment>setting.need_list</comment>
        <translation>需要一个列表 [...]，而不是 {value}</translation>
    </message>
    <message>
        <source>at most {most:number} entries</source>
        <comment>setting.too_many</comment>
        <translation>最多 {most:number} 项</translation>
    </message>
    <message>
        <source>text of 1 to {most:number} characters is needed, not {value}</source>
        <comment>setting.need_text</comment>
        <translation>需要 1 到 {most:number} 个字符的文字，而不是 {value}</translation>
    </message>
    <message>
        <source>true or false is needed, not {value}</source>
        <comment>setting.need_bool</comment>
        <translation>需要 true 或 false，而不是 {value}</translation>
    </message>
    <message>
        <source>one of {allowed:list} is needed, not {value}</source>
        <comment>setting.need_choice</comment>
        <translation>需要 {allowed:list} 之一，而不是 {value}</translation>
    </message>
    <message>
        <source>missing: {names:list}</source>
        <comment>setting.missing</comment>
        <translation>缺少：{names:list}</translation>
    </message>
    <message>
        <source>not known here: {names:list} (known: {known:list})</source>
        <comment>setting.not_known_here</comment>
        <translation>无法识别：{names:list}（可用：{known:list}）</translation>
    </message>
    <message>
        <source>no category has the code {code}</source>
        <comment>setting.no_such_category</comment>
        <translation>没有代码为 {code} 的品类</translation>
    </message>
    <message>
        <source>no terminal has the code {code}</source>
        <comment>setting.no_such_terminal</comment>
        <translation>没有代码为 {code} 的终端</translation>
    </message>
    <message>
        <source>no staff member is called {name}</source>
        <comment>setting.no_such_staff</comment>
        <translation>没有名为 {name} 的员工</translation>
    </message>
    <message>
        <source>{name} is already paid by the scheme {scheme}</source>
        <comment>setting.staff_twice</comment>
        <translation>{name} 已由方案 {scheme} 计提成</translation>
    </message>
    <message>
        <source>{value} is named twice</source>
        <comment>setting.twice</comment>
        <translation>{value} 重复出现</translation>
    </message>
    <message>
        <source>a code of lower-case letters, digits and hyphens is needed, not {value}</source>
        <comment>setting.scheme_code</comment>
        <translation>代码只能由小写字母、数字和连字符组成，而不是 {value}</translation>
    </message>
    <message>
        <source>the basis categories needs at least one category code</source>
        <comment>setting.needs_categories</comment>
        <translation>计提基础为 categories 时至少需要一个品类代码</translation>
    </message>
    <message>
        <source>the basis {basis} takes no categories</source>
        <comment>setting.no_categories</comment>
        <translation>计提基础 {basis} 不需要品类</translation>
    </message>
    <message>
        <source>a step is [threshold in fen, rate in basis points from 0 to {high:number}], not {value}</source>
        <comment>setting.step</comment>
        <translation>每一档是 [门槛（分）, 比例（基点，0 到 {high:number}）]，而不是 {value}</translation>
    </message>
    <message>
        <source>the first step's threshold is 0 and each next one is higher</source>
        <comment>setting.steps_order</comment>
        <translation>第一档的门槛为 0，之后每档门槛须更高</translation>
    </message>
    <message>
        <source>{value} is not a printer address; it starts with {schemes:list} and ://</source>
        <comment>setting.printer_uri</comment>
        <translation>{value} 不是打印机地址；应以 {schemes:list} 加 :// 开头</translation>
    </message>
    <message>
        <source>{value} is not a text encoding such as gb18030</source>
        <comment>setting.encoding</comment>
        <translation>{value} 不是文字编码（例如 gb18030）</translation>
    </message>
    <message>
        <source>for each role ({roles:list}) a whole number of basis points from 0 to {high:number} (100 = 1%)</source>
        <comment>setting.expect.discount_limit_bp</comment>
        <translation>每个角色（{roles:list}）一个 0 到 {high:number} 之间的基点整数（100 = 1%）</translation>
    </message>
    <message>
        <source>for each role ({roles:list}) a whole number of digits from {low:number} to {high:number}</source>
        <comment>setting.expect.pin_min_digits</comment>
        <translation>每个角色（{roles:list}）一个 {low:number} 到 {high:number} 之间的位数</translation>
    </message>
    <message>
        <source>whole days for consumer (0 to {consumer:number}) and business (0 to {business:number}), e.g. {example}</source>
        <comment>setting.expect.account_days</comment>
        <translation>consumer（0 到 {consumer:number}）和 business（0 到 {business:number}）的整天数，例如 {example}</translation>
    </message>
    <message>
        <source>for each terminal code its printers ({fields:list}), e.g. {example}</source>
        <comment>setting.expect.printers</comment>
        <translation>每个终端代码对应其打印机（{fields:list}），例如 {example}</translation>
    </message>
    <message>
        <source>a whole number of basis points from 0 to {high:number} (500 = 5%)</source>
        <comment>setting.expect.margin_threshold_bp</comment>
        <translation>0 到 {high:number} 之间的基点整数（500 = 5%）</translation>
    </message>
    <message>
        <source>true or false</source>
        <comment>setting.expect.allow_negative_stock</comment>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a list of category codes, e.g. ["PHONE", "TABLET"] (or PHONE,TABLET)</source>
        <comment>setting.expect.imei_categories</comment>
        <translation>品类代码列表，例如 ["PHONE", "TABLET"]（或 PHONE,TABLET）</translation>
    </message>
    <message>
        <source>a list of schemes, each with code, name, basis ({bases:list}), categories (for the basis categories), period (month), steps [[threshold in fen, rate in basis points], ...] from 0 up, roles ({roles:list}) and staff (names)</source>
        <comment>setting.expect.commission_schemes</comment>
        <translation>方案列表，每个方案含 code、name、basis（{bases:list}）、categories（计提基础为 categories 时）、period（month）、从 0 起递增的 steps [[门槛（分）, 比例（基点）], ...]、roles（{roles:list}）和 staff（员工姓名）</translation>
    </message>
    <message>
        <source>Largest line discount each role may give without a manager, in basis points (100 = 1%)</source>
        <comment>setting.help.discount_limit_bp</comment>
        <translation>各角色无需店长即可给出的单行最大折扣，单位基点（100 = 1%）</translation>
    </message>
    <message>
        <source>Fewest digits a new PIN may have, per role (4 to 8)</source>
        <comment>setting.help.pin_min_digits</comment>
        <translation>各角色新 PIN 的最少位数（4 到 8）</translation>
    </message>
    <message>
        <source>Days a sale may stay on account: consumers at most 3, business customers at most 30</source>
        <comment>setting.help.account_days</comment>
        <translation>挂账天数：个人客户最多 3 天，企业客户最多 30 天</translation>
    </message>
    <message>
        <source>Each terminal's printers: receipt and documents addresses, paper width, sheet after sale, encoding (pos printers set changes one terminal)</source>
        <comment>setting.help.printers</comment>
        <translation>各终端的打印机：小票与单据地址、纸宽、售后打印配置单、编码（pos printers set 可修改单个终端）</translation>
    </message>
    <message>
        <source>A line sold under this margin (basis points of its price) counts as sold without profit</source>
        <comment>setting.help.margin_threshold_bp</comment>
        <translation>毛利低于此值（售价的基点）的商品行计为无利润销售</translation>
    </message>
    <message>
        <source>Whether a sale may take a product's stock below zero</source>
        <comment>setting.help.allow_negative_stock</comment>
        <translation>销售是否允许库存低于零</translation>
    </message>
    <message>
        <source>Categories whose serial numbers must be valid IMEIs (15 digits with a check digit)</source>
        <comment>setting.help.imei_categories</comment>
        <translation>串号必须是有效 IMEI（15 位含校验位）的品类</translation>
    </message>
    <message>
        <source>Commission schemes: stepped monthly rates on a basis, paid to staff by name or by role</source>
        <comment>setting.help.commission_schemes</comment>
        <translation>提成方案：按计提基础分档的月度比例，按员工姓名或角色计发</translation>
    </message>
    <message>
        <source>default</source>
        <comment>setting.is_default</comment>
        <translation>默认</translation>
    </message>
    <message>
        <source>changed</source>
        <comment>setting.is_changed</comment>
        <translation>已修改</translation>
    </message>
    <message>
        <source>{names:list}: a setting, not a store detail; change it with pos settings set KEY VALUE</source>
        <comment>store.is_a_setting</comment>
        <translation>{names:list}：这是设置而非门店资料；请用 pos settings set KEY VALUE 修改</translation>
    </message>
    <message>
        <source>{path} must be UTF-8 text (JSON)</source>
        <comment>setting.file_not_utf8</comment>
        <translation>{path} 必须是 UTF-8 文本（JSON）</translation>
    </message>
    <message>
        <source>Given free: {parts}</source>
        <comment>sheet.gift_row</comment>
        <translation>免费赠送：{parts}</translation>
    </message>
    <message>
        <source>No unit sold earlier has the line number {line}</source>
        <comment>addon.unit_unknown</comment>
        <translation>没有行号为 {line} 的已售主机</translation>
    </message>
    <message>
        <source>This database already has a store, '{name}'; nothing was changed. Change its details with pos store set and its settings with pos settings set (at the till: Settings [F10])</source>
        <comment>setup.already_set_up</comment>
        <translation>此数据库已有门店“{name}”，未做任何更改。门店信息请用 pos store set 修改，设置请用 pos settings set 修改（收银台上：设置 [F10]）</translation>
    </message>
    <message>
        <source>The store needs a name</source>
        <comment>setup.needs_store_name</comment>
        <translation>请填写门店名称</translation>
    </message>
    <message>
        <source>'{phone}' is not a phone number: digits, with spaces, dashes, brackets or a leading +</source>
        <comment>setup.bad_phone</comment>
        <translation>“{phone}”不是有效的电话号码：请填写数字，可含空格、短横线、括号或开头的 +</translation>
    </message>
    <message>
        <source>'{tax_id}' is not a tax ID: letters and digits (spaces and dashes between them)</source>
        <comment>setup.bad_tax_id</comment>
        <translation>“{tax_id}”不是有效的税号：只能包含字母和数字（中间可有空格或短横线）</translation>
    </message>
    <message>
        <source>'{tax_id}' is not a valid unified social credit code: a character is mistyped (its check character does not match)</source>
        <comment>setup.tax_id_check</comment>
        <translation>“{tax_id}”不是有效的统一社会信用代码：有字符输入错误（校验码不符）</translation>
    </message>
    <message>
        <source>'{locale}' is not a language of the till; choose one of {allowed:list}</source>
        <comment>setup.bad_locale</comment>
        <translation>“{locale}”不是收银系统支持的语言，请选择：{allowed:list}</translation>
    </message>
    <message>
        <source>'{code}' is not a till code: 1 to {most} letters, digits or dashes, such as T01</source>
        <comment>setup.bad_till_code</comment>
        <translation>“{code}”不是有效的收银台编号：1 至 {most} 个字母、数字或短横线，例如 T01</translation>
    </message>
    <message>
        <source>Till {code} is listed twice</source>
        <comment>setup.till_twice</comment>
        <translation>收银台 {code} 重复列出</translation>
    </message>
    <message>
        <source>Add at least one till</source>
        <comment>setup.needs_till</comment>
        <translation>请至少添加一个收银台</translation>
    </message>
    <message>
        <source>This computer is till {code}, which is not among the tills set up ({codes:list}); add it (or start with --terminal CODE to be another one)</source>
        <comment>setup.this_till_missing</comment>
        <translation>本机是收银台 {code}，但它不在要设置的收银台中（{codes:list}）；请添加它（或以 --terminal 编号 启动，作为其他收银台）</translation>
    </message>
    <message>
        <source>'{text}' is not a till: give CODE=Name, such as T01=Front till</source>
        <comment>setup.bad_till_arg</comment>
        <translation>“{text}”不是有效的收银台：请写成 编号=名称，例如 T01=前台收银</translation>
    </message>
    <message>
        <source>The administrator needs a name</source>
        <comment>setup.needs_admin_name</comment>
        <translation>请填写管理员姓名</translation>
    </message>
    <message>
        <source>{path} is larger than {most} MB</source>
        <comment>setup.file_too_big</comment>
        <translation>{path} 超过 {most} MB</translation>
    </message>
    <message>
        <source>pos setup without a terminal to ask on needs {options:list}</source>
        <comment>setup.missing_options</comment>
        <translation>在无法交互提问时运行 pos setup 需要提供 {options:list}</translation>
    </message>
    <message>
        <source>The store is set up, but the test page did not print: {reason:msg}. Check the printer, then set it again: pos printers set --receipt URI</source>
        <comment>setup.test_print_failed</comment>
        <translation>门店已设置完成，但测试页未能打印：{reason:msg}。请检查打印机，然后重新设置：pos printers set --receipt URI</translation>
    </message>
    <message>
        <source>The store's name</source>
        <comment>field.store_name</comment>
        <translation>门店名称</translation>
    </message>
    <message>
        <source>The phone number</source>
        <comment>field.phone</comment>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>The tax ID</source>
        <comment>field.tax_id</comment>
        <translation>税号</translation>
    </message>
    <message>
        <source>The till's name</source>
        <comment>field.till_name</comment>
        <translation>收银台名称</translation>
    </message>
    <message>
        <source>true or false</source>
        <comment>setting.expect.close_shift_show_expected</comment>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>Whether the close-shift count shows the expected cash before the count is in (false: a blind count)</source>
        <comment>setting.help.close_shift_show_expected</comment>
        <translation>交班点钞时是否在点钞提交前显示钱箱应有金额（false：盲点）</translation>
    </message>
    <message>
        <source>No closed shift has the Z report {ref}</source>
        <comment>print.no_z_report</comment>
        <translation>没有 Z 报表 {ref} 对应的已交班班次</translation>
    </message>
    <message>
        <source>Only a manager or an administrator may add a product</source>
        <comment>catalog.add_managers_only</comment>
        <translation>只有店长或管理员可以新增商品</translation>
    </message>
    <message>
        <source>The price must be more than zero</source>
        <comment>catalog.price_positive</comment>
        <translation>售价必须大于零</translation>
    </message>
    <message>
        <source>text of at most {most:number} characters, without control characters, is needed, not {value}</source>
        <comment>setting.need_qr_text</comment>
        <translation>需要不超过 {most:number} 个字符且不含控制字符的文字，而不是 {value}</translation>
    </message>
    <message>
        <source>a web address starting with http:// or https:// and a host, without spaces, is needed, not {value}</source>
        <comment>setting.need_web_address</comment>
        <translation>需要以 http:// 或 https:// 开头、带主机名且不含空格的网址，而不是 {value}</translation>
    </message>
    <message>
        <source>the store's e-invoice web address (https://…) or text of up to {most:number} characters; empty for none</source>
        <comment>setting.expect.einvoice_qr</comment>
        <translation>本店开票网址（https://…）或不超过 {most:number} 个字符的文字；留空表示不打印</translation>
    </message>
    <message>
        <source>What the receipt's second QR code holds, for the customer to scan and ask for an e-invoice (empty: no such QR code)</source>
        <comment>setting.help.einvoice_qr</comment>
        <translation>小票上第二个二维码的内容，供顾客扫码开票（留空则不打印）</translation>
    </message>
    <message>
        <source>Cash</source>
        <comment>tender_name.cash</comment>
        <translation>现金</translation>
    </message>
    <message>
        <source>Bank card</source>
        <comment>tender_name.bank_card</comment>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <comment>tender_name.wechat</comment>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <comment>tender_name.alipay</comment>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Voucher</source>
        <comment>tender_name.voucher</comment>
        <translation>代金券</translation>
    </message>
    <message>
        <source>On account</source>
        <comment>tender_name.on_account</comment>
        <translation>挂账</translation>
    </message>
    <message>
        <source>Exchange credit</source>
        <comment>tender_name.exchange</comment>
        <translation>换货抵扣</translation>
    </message>
    <message>
        <source>X report {terminal}, shift {shift} open since {opened}</source>
        <comment>report.x_heading</comment>
        <translation>X 报表 {terminal}，班次 {shift}，开班于 {opened}</translation>
    </message>
    <message>
        <source>sales {count}  {total}   returns/voids {returns}</source>
        <comment>report.x_sales</comment>
        <translation>销售 {count} 笔  {total}   退货及作废 {returns}</translation>
    </message>
    <message>
        <source>expected cash in drawer {amount}</source>
        <comment>report.x_expected</comment>
        <translation>钱箱应有现金 {amount}</translation>
    </message>
    <message>
        <source>Z {number} {terminal}: shift {shift} {opened} to {closed}, {count} sales {total}, returns/voids {returns}</source>
        <comment>report.z_heading</comment>
        <translation>第 {number} 号 Z 报表 {terminal}：班次 {shift}，{opened} 至 {closed}，销售 {count} 笔 {total}，退货及作废 {returns}</translation>
    </message>
    <message>
        <source>expected cash {expected}, counted {counted}, over/short {over_short}</source>
        <comment>report.z_cash</comment>
        <translation>钱箱应有 {expected}，实点 {counted}，长短款 {over_short}</translation>
    </message>
    <message>
        <source>The database {where} did not answer within {seconds} s: check the network and the server, then try again</source>
        <comment>db.timeout</comment>
        <translation>数据库 {where} 在 {seconds} 秒内没有响应：请检查网络和服务器，然后重试</translation>
    </message>
    <message>
        <source>{variable} must be a number of seconds from {min} to {max}, not '{value}'</source>
        <comment>db.bad_timeout</comment>
        <translation>{variable} 必须是 {min} 到 {max} 之间的秒数，而不是“{value}”</translation>
    </message>
    <message>
        <source>The database did not answer in {seconds} s; the sale stays in the cart. Try again</source>
        <comment>till.db_no_answer</comment>
        <translation>数据库在 {seconds} 秒内没有响应；这笔销售仍在购物车中。请重试</translation>
    </message>
    <message>
        <source>The database cannot be reached just now; the sale stays in the cart. Try again</source>
        <comment>till.db_unreachable</comment>
        <translation>暂时无法连接数据库；这笔销售仍在购物车中。请重试</translation>
    </message>
    <message>
        <source>No journal entry carries the anchor {anchor}: check the code printed on the Z report (16 hexadecimal digits), or verify the whole journal without --from-anchor</source>
        <comment>journal.anchor_unknown</comment>
        <translation>日志中没有锚点为 {anchor} 的条目：请核对 Z 报表上打印的校验码（16 位十六进制数字），或不带 --from-anchor 校验整个日志</translation>
    </message>
    <message>
        <source>No Z report has been closed yet, so there is no anchor to start from: verify the whole journal without --from-anchor</source>
        <comment>journal.no_z_report</comment>
        <translation>尚未结过班（没有 Z 报表），没有可作为起点的锚点：请不带 --from-anchor 校验整个日志</translation>
    </message>
    <message>
        <source>…and {count} more problems: the first {shown} are listed</source>
        <comment>import.more_problems</comment>
        <translation>……另有 {count} 个问题：只列出了前 {shown} 个</translation>
    </message>
    <message>
        <source>a whole number of backups from 1 to {most:number}</source>
        <comment>setting.expect.backup_keep</comment>
        <translation>1 到 {most:number} 之间的整数（保留的备份数）</translation>
    </message>
    <message>
        <source>a folder's path of at most {most:number} characters (a USB stick or a network share), or "" for none</source>
        <comment>setting.expect.backup_second_folder</comment>
        <translation>不超过 {most:number} 个字符的文件夹路径（U 盘或网络共享），"" 表示不用</translation>
    </message>
    <message>
        <source>a whole number of hours from 0 to {most:number} (0: only at every Z close)</source>
        <comment>setting.expect.backup_interval_hours</comment>
        <translation>0 到 {most:number} 之间的整数小时（0：只在每次 Z 结班时）</translation>
    </message>
    <message>
        <source>How many backups of the database are kept (in the data folder's backups and in the second folder); older ones are deleted.</source>
        <comment>setting.help.backup_keep</comment>
        <translation>保留多少份数据库备份（数据文件夹的 backups 中以及第二文件夹中）；更早的会被删除。</translation>
    </message>
    <message>
        <source>A folder that also gets a copy of every good backup: a USB stick or a network share.</source>
        <comment>setting.help.backup_second_folder</comment>
        <translation>另一个也保存每份合格备份副本的文件夹：U 盘或网络共享。</translation>
    </message>
    <message>
        <source>How often the open app backs up the database, in hours (it also backs up at every Z close).</source>
        <comment>setting.help.backup_interval_hours</comment>
        <translation>程序打开时每隔几小时备份一次数据库（每次 Z 结班时也会备份）。</translation>
    </message>
    <message>
        <source>a folder's path of at most {most:number} characters, without control characters, is needed, not {value}</source>
        <comment>setting.need_folder</comment>
        <translation>需要不超过 {most:number} 个字符且不含控制字符的文件夹路径，而不是 {value}</translation>
    </message>
    <message>
        <source>This database is not an SQLite file: back up a PostgreSQL database with pg_dump or a base backup on its server (README: Backups)</source>
        <comment>backup.sqlite_only</comment>
        <translation>此数据库不是 SQLite 文件：请在 PostgreSQL 服务器上用 pg_dump 或基础备份来备份（README：Backups）</translation>
    </message>
    <message>
        <source>The database is on another server ({host}): back it up on that server with pg_dump or pg_basebackup (README: Backups)</source>
        <comment>backup.pg_remote</comment>
        <translation>数据库在另一台服务器（{host}）上：请在该服务器上用 pg_dump 或 pg_basebackup 备份（README：Backups）</translation>
    </message>
    <message>
        <source>pg_dump was not found: install PostgreSQL's client tools (the server's major version or newer) or put pg_dump on the PATH</source>
        <comment>backup.pg_dump_missing</comment>
        <translation>找不到 pg_dump：请安装 PostgreSQL 客户端工具（与服务器相同或更新的主版本），或把 pg_dump 加入 PATH</translation>
    </message>
    <message>
        <source>pg_dump could not back up the database: {reason}</source>
        <comment>backup.pg_dump_failed</comment>
        <translation>pg_dump 无法备份数据库：{reason}</translation>
    </message>
    <message>
        <source>The backup was taken but did not check good, so it does not count: {problem}</source>
        <comment>backup.not_good</comment>
        <translation>备份已生成但检查不合格，因此不算数：{problem}</translation>
    </message>
    <message>
        <source>{path} is not there</source>
        <comment>restore.no_file</comment>
        <translation>{path} 不存在</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {problem}</source>
        <comment>restore.not_good</comment>
        <translation>{path} 无法恢复：{problem}</translation>
    </message>
    <message>
        <source>{path} is at schema {revision}, which this version of Tickbox POS does not know: restore it with the newer version that made it</source>
        <comment>restore.schema_unknown</comment>
        <translation>{path} 的数据库结构版本为 {revision}，本版本 Tickbox POS 不认识：请用生成它的较新版本恢复</translation>
    </message>
    <message>
        <source>{path} already holds a database: restore into a new, empty data folder</source>
        <comment>restore.target_not_empty</comment>
        <translation>{path} 中已有数据库：请恢复到一个新的空数据文件夹</translation>
    </message>
    <message>
        <source>That would replace the live database {path}: close every till, then give --over-live and type RESTORE when asked</source>
        <comment>restore.over_live_refused</comment>
        <translation>这会替换正在使用的数据库 {path}：请先关闭所有收银台，再加 --over-live 并在提示时输入 RESTORE</translation>
    </message>
    <message>
        <source>pos restore puts back an SQLite backup file; restore a PostgreSQL dump with pg_restore (README: Backups)</source>
        <comment>restore.not_sqlite</comment>
        <translation>pos restore 只恢复 SQLite 备份文件；PostgreSQL 的备份请用 pg_restore 恢复（README：Backups）</translation>
    </message>
    <message>
        <source>Before upgrading the database from schema {current} to {head}, a backup could not be made and checked: {problem}. Nothing was changed; free some disk space in the data folder and start again.</source>
        <comment>upgrade.backup_failed</comment>
        <translation>在把数据库结构从 {current} 升级到 {head} 之前，无法生成并检查备份：{problem}。没有做任何更改；请清理数据文件夹所在磁盘的空间后重新启动。</translation>
    </message>
    <message>
        <source>Upgrading the database from schema {current} to {head} failed: {reason}. The database was put back as it was from the backup {backup}; nothing was lost. Keep using the previous version of Tickbox POS and send the logs in the data folder to support.</source>
        <comment>upgrade.failed</comment>
        <translation>把数据库结构从 {current} 升级到 {head} 失败：{reason}。数据库已从备份 {backup} 恢复原样，没有丢失任何数据。请继续使用旧版本的 Tickbox POS，并把数据文件夹中的日志发给技术支持。</translation>
    </message>
    <message>
        <source>Upgrading the database from schema {current} to {head} failed: {reason}; putting the backup back failed too: {problem}. Do not sell from this till: restore {backup} with pos restore (README: Backups).</source>
        <comment>upgrade.failed_not_restored</comment>
        <translation>把数据库结构从 {current} 升级到 {head} 失败：{reason}；恢复备份也失败：{problem}。请不要用此收银台销售：用 pos restore 恢复 {backup}（README：Backups）。</translation>
    </message>
    <message>
        <source>The store's key {path} is not there: put the store's store.key (from the old till's data folder, or its safe copy) there first, so the backup's journal can be checked</source>
        <comment>restore.no_key</comment>
        <translation>店铺密钥 {path} 不存在：请先把店铺的 store.key（来自旧收银机的数据文件夹或其安全副本）放到那里，才能检查备份的日志链</translation>
    </message>
    <message>
        <source>There is no store {store}</source>
        <comment>store.unknown</comment>
        <translation>没有门店 {store}</translation>
    </message>
    <message>
        <source>Store {store} already exists</source>
        <comment>store.exists</comment>
        <translation>门店 {store} 已存在</translation>
    </message>
    <message>
        <source>A store code is 1 to 20 letters, digits or dashes, like S02</source>
        <comment>store.code_invalid</comment>
        <translation>门店代码为 1 到 20 位字母、数字或短横线，例如 S02</translation>
    </message>
    <message>
        <source>Give the store a name</source>
        <comment>store.name_required</comment>
        <translation>请填写门店名称</translation>
    </message>
    <message>
        <source>Till {terminal} has sales at its store: it cannot move to another store</source>
        <comment>store.terminal_has_sales</comment>
        <translation>收银台 {terminal} 在其门店已有销售，不能改到其他门店</translation>
    </message>
    <message>
        <source>A transfer goes to another store, not to {store} itself</source>
        <comment>stock.same_store</comment>
        <translation>调拨须调往其他门店，不能调往 {store} 本身</translation>
    </message>
    <message>
        <source>Quantities are whole numbers of at least 1 ({text})</source>
        <comment>stock.negative_quantity</comment>
        <translation>数量须为至少 1 的整数（{text}）</translation>
    </message>
    <message>
        <source>A counted quantity is a whole number of 0 or more ({text})</source>
        <comment>stock.negative_count</comment>
        <translation>盘点数量须为 0 或以上的整数（{text}）</translation>
    </message>
    <message>
        <source>There is nothing to post: add at least one line</source>
        <comment>stock.nothing_to_post</comment>
        <translation>没有可过账的内容：请至少添加一行</translation>
    </message>
    <message>
        <source>No product {code} in the catalog</source>
        <comment>stock.product_unknown</comment>
        <translation>商品目录中没有 {code}</translation>
    </message>
    <message>
        <source>Only {stock:number} of {name} at {store} and this takes {asked:number}: nothing was posted</source>
        <comment>stock.short_at_store</comment>
        <translation>{store} 只有 {stock:number} 件 {name}，此单需要 {asked:number} 件：未过账</translation>
    </message>
    <message>
        <source>Serial {serial} is already in stock or was already received: a unit is received once</source>
        <comment>stock.serial_received_twice</comment>
        <translation>序列号 {serial} 已在库存中或已收货：每台机器只收货一次</translation>
    </message>
    <message>
        <source>Serial {serial} appears twice in this document</source>
        <comment>stock.serial_repeated</comment>
        <translation>序列号 {serial} 在本单中出现两次</translation>
    </message>
    <message>
        <source>Serial {serial} was sold on {receipt}: it cannot be received as new stock (a customer's return goes through Returns)</source>
        <comment>stock.serial_is_sold</comment>
        <translation>序列号 {serial} 已在 {receipt} 售出，不能作为新库存收货（顾客退货请走退货流程）</translation>
    </message>
    <message>
        <source>{name} is serial-tracked: scan one serial per unit ({quantity:number} units, {serials:number} serials)</source>
        <comment>stock.serial_count_mismatch</comment>
        <translation>{name} 按序列号管理：每台扫描一个序列号（{quantity:number} 台，{serials:number} 个序列号）</translation>
    </message>
    <message>
        <source>{name} is serial-tracked: give each unit's serial number</source>
        <comment>stock.serial_needed</comment>
        <translation>{name} 按序列号管理：请填写每台的序列号</translation>
    </message>
    <message>
        <source>{name} does not take serial numbers</source>
        <comment>stock.serial_not_tracked</comment>
        <translation>{name} 不按序列号管理</translation>
    </message>
    <message>
        <source>Serial {serial} is not known to the store</source>
        <comment>stock.serial_unknown</comment>
        <translation>门店没有序列号 {serial} 的记录</translation>
    </message>
    <message>
        <source>Serial {serial} is in stock at {store}, not here: transfer it first, or a manager may override</source>
        <comment>stock.serial_at_store</comment>
        <translation>序列号 {serial} 在 {store} 的库存中，不在本店：请先调拨，或由店长授权</translation>
    </message>
    <message>
        <source>Serial {serial} is in transit to {store}: receive the transfer first</source>
        <comment>stock.serial_in_transit</comment>
        <translation>序列号 {serial} 正在调往 {store} 的途中：请先收货</translation>
    </message>
    <message>
        <source>Serial {serial} is {state:msg} and cannot be used here</source>
        <comment>stock.serial_unavailable</comment>
        <translation>序列号 {serial} 状态为{state:msg}，此处不能使用</translation>
    </message>
    <message>
        <source>Serial {serial} of {name} was never received into stock (this store sells only received serials): receive it first, or a manager may override</source>
        <comment>stock.serial_not_received</comment>
        <translation>{name} 的序列号 {serial} 从未收货入库（本店只销售已收货的序列号）：请先收货，或由店长授权</translation>
    </message>
    <message>
        <source>Serial {serial} is not in stock at {store}</source>
        <comment>stock.serial_not_here</comment>
        <translation>序列号 {serial} 不在 {store} 的库存中</translation>
    </message>
    <message>
        <source>Count {count} was already posted</source>
        <comment>stock.count_already_posted</comment>
        <translation>盘点 {count} 已过账</translation>
    </message>
    <message>
        <source>There is no open stock count {count}</source>
        <comment>stock.count_unknown</comment>
        <translation>没有进行中的盘点 {count}</translation>
    </message>
    <message>
        <source>There is no transfer {transfer}</source>
        <comment>stock.transfer_unknown</comment>
        <translation>没有调拨单 {transfer}</translation>
    </message>
    <message>
        <source>Transfer {transfer} was already received ({doc})</source>
        <comment>stock.transfer_already_received</comment>
        <translation>调拨单 {transfer} 已收货（{doc}）</translation>
    </message>
    <message>
        <source>Transfer {transfer} goes to {store}, not here</source>
        <comment>stock.transfer_not_for_store</comment>
        <translation>调拨单 {transfer} 调往 {store}，不是本店</translation>
    </message>
    <message>
        <source>{received:number} of {name} received but only {sent:number} were sent</source>
        <comment>stock.transfer_more_than_sent</comment>
        <translation>{name} 收到 {received:number} 件，但只发出 {sent:number} 件</translation>
    </message>
    <message>
        <source>Serial {serial} is not on transfer {transfer}</source>
        <comment>stock.transfer_serial_not_sent</comment>
        <translation>序列号 {serial} 不在调拨单 {transfer} 上</translation>
    </message>
    <message>
        <source>Choose a reason</source>
        <comment>stock.reason_required</comment>
        <translation>请选择原因</translation>
    </message>
    <message>
        <source>'{reason}' is not a reason here; use one of {allowed:list}</source>
        <comment>stock.reason_invalid</comment>
        <translation>“{reason}”不是此处可用的原因；可用：{allowed:list}</translation>
    </message>
    <message>
        <source>A count covers category:CODE or shelf:NAME, not '{scope}'</source>
        <comment>stock.scope_invalid</comment>
        <translation>盘点范围应为 category:代码 或 shelf:货架，而不是“{scope}”</translation>
    </message>
    <message>
        <source>Give the supplier and the delivery note number</source>
        <comment>stock.supplier_required</comment>
        <translation>请填写供应商和送货单号</translation>
    </message>
    <message>
        <source>'{text}' is not a cost (an amount like 129.00)</source>
        <comment>stock.cost_invalid</comment>
        <translation>“{text}”不是有效成本（例如 129.00）</translation>
    </message>
    <message>
        <source>A reorder point is a whole number of 0 or more</source>
        <comment>stock.reorder_invalid</comment>
        <translation>补货点须为 0 或以上的整数</translation>
    </message>
    <message>
        <source>There is no stock document {doc}</source>
        <comment>stock.document_unknown</comment>
        <translation>没有库存单据 {doc}</translation>
    </message>
    <message>
        <source>Serial {serial} is {state:msg}; this needs it {needed:msg}</source>
        <comment>stock.not_serial_state</comment>
        <translation>序列号 {serial} 状态为{state:msg}；此操作需要{needed:msg}</translation>
    </message>
    <message>
        <source>in stock</source>
        <comment>stock.state.in_stock</comment>
        <translation>在库</translation>
    </message>
    <message>
        <source>returned (in stock)</source>
        <comment>stock.state.returned</comment>
        <translation>已退回（在库）</translation>
    </message>
    <message>
        <source>in transit</source>
        <comment>stock.state.in_transit</comment>
        <translation>在途</translation>
    </message>
    <message>
        <source>sold</source>
        <comment>stock.state.sold</comment>
        <translation>已售</translation>
    </message>
    <message>
        <source>sent for repair</source>
        <comment>stock.state.repair</comment>
        <translation>送修中</translation>
    </message>
    <message>
        <source>written off</source>
        <comment>stock.state.written_off</comment>
        <translation>已报损</translation>
    </message>
    <message>
        <source>opening stock</source>
        <comment>stock.kind.opening</comment>
        <translation>期初库存</translation>
    </message>
    <message>
        <source>goods received</source>
        <comment>stock.kind.receipt</comment>
        <translation>采购收货</translation>
    </message>
    <message>
        <source>transfer sent</source>
        <comment>stock.kind.transfer_out</comment>
        <translation>调拨发出</translation>
    </message>
    <message>
        <source>transfer received</source>
        <comment>stock.kind.transfer_in</comment>
        <translation>调拨收货</translation>
    </message>
    <message>
        <source>stock count</source>
        <comment>stock.kind.count</comment>
        <translation>盘点</translation>
    </message>
    <message>
        <source>adjustment</source>
        <comment>stock.kind.adjust</comment>
        <translation>库存调整</translation>
    </message>
    <message>
        <source>write-off</source>
        <comment>stock.kind.write_off</comment>
        <translation>报损</translation>
    </message>
    <message>
        <source>opening</source>
        <comment>stock.reason.opening</comment>
        <translation>期初</translation>
    </message>
    <message>
        <source>from supplier</source>
        <comment>stock.reason.supplier</comment>
        <translation>供应商</translation>
    </message>
    <message>
        <source>transfer</source>
        <comment>stock.reason.transfer</comment>
        <translation>调拨</translation>
    </message>
    <message>
        <source>damaged</source>
        <comment>stock.reason.damaged</comment>
        <translation>损坏</translation>
    </message>
    <message>
        <source>demo unit</source>
        <comment>stock.reason.demo_unit</comment>
        <translation>样机</translation>
    </message>
    <message>
        <source>lost</source>
        <comment>stock.reason.lost</comment>
        <translation>丢失</translation>
    </message>
    <message>
        <source>found</source>
        <comment>stock.reason.found</comment>
        <translation>盘盈</translation>
    </message>
    <message>
        <source>count difference</source>
        <comment>stock.reason.count_difference</comment>
        <translation>盘点差异</translation>
    </message>
    <message>
        <source>short on arrival</source>
        <comment>stock.reason.transit_short</comment>
        <translation>到货短缺</translation>
    </message>
    <message>
        <source>sent for repair</source>
        <comment>stock.reason.repair_out</comment>
        <translation>送修</translation>
    </message>
    <message>
        <source>back from repair</source>
        <comment>stock.reason.repair_back</comment>
        <translation>修复返回</translation>
    </message>
    <message>
        <source>manager override at the till</source>
        <comment>stock.reason.till_override</comment>
        <translation>收银台店长授权</translation>
    </message>
    <message>
        <source>correction</source>
        <comment>stock.reason.correction</comment>
        <translation>更正</translation>
    </message>
    <message>
        <source>stock file</source>
        <comment>import.stock</comment>
        <translation>库存文件</translation>
    </message>
    <message>
        <source>lenient or strict, not {value}</source>
        <comment>setting.need_serial_stock</comment>
        <translation>应为 lenient 或 strict，而不是 {value}</translation>
    </message>
    <message>
        <source>lenient or strict</source>
        <comment>setting.expect.serial_stock</comment>
        <translation>lenient 或 strict</translation>
    </message>
    <message>
        <source>Which serials the till sells: strict, only units received into this store's stock; lenient, also a serial never seen before (it becomes a unit as it is sold)</source>
        <comment>setting.help.serial_stock</comment>
        <translation>收银台可销售哪些序列号：strict 仅限已收货入本店库存的机器；lenient 也允许从未登记过的序列号（销售时登记）</translation>
    </message>
    <message>
        <source>The file sets stock, but there is no store to hold it: add the store first</source>
        <comment>catalog.stock_needs_store</comment>
        <translation>文件设置了库存，但还没有门店可存放：请先添加门店</translation>
    </message>
    <message>
        <source>serial {serial} is already on line {line}</source>
        <comment>stock.serial_repeated_line</comment>
        <translation>序列号 {serial} 已在第 {line} 行</translation>
    </message>
    <message>
        <source>{code} is already on line {line}</source>
        <comment>stock.product_repeated_line</comment>
        <translation>{code} 已在第 {line} 行</translation>
    </message>
    <message>
        <source>an adjustment adds (+N) or takes (-N) at least one unit, not '{text}'</source>
        <comment>stock.adjust_zero</comment>
        <translation>调整须增加 (+N) 或减少 (-N) 至少一件，不能是 '{text}'</translation>
    </message>
    <message>
        <source>a row with a serial moves one unit, not {quantity}</source>
        <comment>stock.serial_one_unit</comment>
        <translation>带序列号的一行只移动一件，不能是 {quantity}</translation>
    </message>
    <message>
        <source>{kind:msg} {doc} posted at {store}: {lines:number} lines, {units:number} units</source>
        <comment>stock.cli.posted</comment>
        <translation>{kind:msg} {doc} 已在 {store} 过账：{lines:number} 行，{units:number} 件</translation>
    </message>
    <message>
        <source>{kind:msg} {doc} was already posted for this request: nothing new was written</source>
        <comment>stock.cli.replayed</comment>
        <translation>{kind:msg} {doc} 已为此请求过账：未写入新内容</translation>
    </message>
    <message>
        <source>  {name} ({sku}): {sent:number} sent, {received:number} received</source>
        <comment>stock.cli.short</comment>
        <translation>  {name}（{sku}）：发出 {sent:number}，收到 {received:number}</translation>
    </message>
    <message>
        <source>    serials not received: {serials:list}</source>
        <comment>stock.cli.missing_serials</comment>
        <translation>    未收到的序列号：{serials:list}</translation>
    </message>
    <message>
        <source>stock set at {store}: {products:number} products in the file, {documents:number} opening documents, {points:number} reorder points</source>
        <comment>stock.cli.imported</comment>
        <translation>{store} 的库存已设定：文件中 {products:number} 个商品，{documents:number} 张期初单据，{points:number} 个补货点</translation>
    </message>
    <message>
        <source>count {count} started at {store} ({scope}): {rows:number} rows scanned</source>
        <comment>stock.cli.count_started</comment>
        <translation>盘点 {count} 已在 {store} 开始（{scope}）：已扫描 {rows:number} 行</translation>
    </message>
    <message>
        <source>reorder point of {sku} at {store}: {point:number}</source>
        <comment>stock.cli.reorder_set</comment>
        <translation>{sku} 在 {store} 的补货点：{point:number}</translation>
    </message>
    <message>
        <source>store {store} added: {name}</source>
        <comment>stock.cli.store_added</comment>
        <translation>门店 {store} 已添加：{name}</translation>
    </message>
    <message>
        <source>no stock to show</source>
        <comment>stock.cli.no_rows</comment>
        <translation>没有可显示的库存</translation>
    </message>
    <message>
        <source>no open transfers</source>
        <comment>stock.cli.no_transfers</comment>
        <translation>没有未收货的调拨</translation>
    </message>
    <message>
        <source>store  sku                  on hand  reserved  in transit  reorder  name</source>
        <comment>stock.cli.list_header</comment>
        <translation>门店   SKU                  在库     预留      在途        补货点   名称</translation>
    </message>
    <message>
        <source>low</source>
        <comment>stock.cli.low</comment>
        <translation>低</translation>
    </message>
    <message>
        <source>{doc}  {from_store} -&gt; {to_store}  sent {sent}  {units:number} units{received}</source>
        <comment>stock.cli.transfer_line</comment>
        <translation>{doc}  {from_store} -&gt; {to_store}  发出 {sent}  {units:number} 件{received}</translation>
    </message>
    <message>
        <source>, received {doc}</source>
        <comment>stock.cli.transfer_received</comment>
        <translation>，已收货 {doc}</translation>
    </message>
    <message>
        <source>{sku}  {name}</source>
        <comment>stock.cli.lookup_head</comment>
        <translation>商品 {sku}：{name}</translation>
    </message>
    <message>
        <source>  {store} {store_name}: on hand {on_hand:number}, in transit {in_transit:number}</source>
        <comment>stock.cli.lookup_store</comment>
        <translation>  {store} {store_name}：在库 {on_hand:number}，在途 {in_transit:number}</translation>
    </message>
    <message>
        <source>    serials: {serials:list}</source>
        <comment>stock.cli.lookup_serials</comment>
        <translation>    序列号：{serials:list}</translation>
    </message>
    <message>
        <source>serial {serial}: {name} ({sku}), {state:msg}{where}</source>
        <comment>stock.cli.serial_head</comment>
        <translation>序列号 {serial}：{name}（{sku}），{state:msg}{where}</translation>
    </message>
    <message>
        <source> at {store}</source>
        <comment>stock.cli.serial_where</comment>
        <translation>，位于 {store}</translation>
    </message>
    <message>
        <source>  {at}  {kind}  {document}  {store}  -&gt; {state:msg}{more}</source>
        <comment>stock.cli.serial_event</comment>
        <translation>  {at}  {kind}  {document}  {store}  → 状态：{state:msg}{more}</translation>
    </message>
    <message>
        <source>code     name</source>
        <comment>stock.cli.stores_header</comment>
        <translation>代码     名称</translation>
    </message>
    <message>
        <source>--pin checks the PIN of the staff member named by --staff</source>
        <comment>stock.pin_needs_staff</comment>
        <translation>--pin 校验 --staff 指定员工的 PIN</translation>
    </message>
    <message>
        <source>Only a manager or an administrator may {action:msg}</source>
        <comment>stock.managers_only</comment>
        <translation>只有店长或管理员可以{action:msg}</translation>
    </message>
    <message>
        <source>adjust stock</source>
        <comment>stock.action.adjust</comment>
        <translation>调整库存</translation>
    </message>
    <message>
        <source>write off stock</source>
        <comment>stock.action.write_off</comment>
        <translation>报损库存</translation>
    </message>
    <message>
        <source>set a reorder point</source>
        <comment>stock.action.reorder_point</comment>
        <translation>设置补货点</translation>
    </message>
    <message>
        <source>This request was already used for stock document {doc}</source>
        <comment>stock.request_reused</comment>
        <translation>此请求已用于库存单据 {doc}</translation>
    </message>
    <message>
        <source>Serial {serial} belongs to several products ({skus}); give the product too</source>
        <comment>stock.serial_ambiguous</comment>
        <translation>序列号 {serial} 属于多个商品（{skus}），请同时指定商品</translation>
    </message>
    <message>
        <source>Only a manager or an administrator may post a stock count</source>
        <comment>stock.count_managers_only</comment>
        <translation>只有经理或管理员可以过账盘点</translation>
    </message>
    <message>
        <source>{name} is in category {category}, not in this count ({scope})</source>
        <comment>stock.count_other_category</comment>
        <translation>{name} 属于类别 {category}，不在本次盘点范围（{scope}）内</translation>
    </message>
    <message>
        <source>Count {count} was started by {name}: only they or a manager may discard it</source>
        <comment>stock.count_not_yours</comment>
        <translation>盘点 {count} 由 {name} 开始：只有其本人或经理可以放弃</translation>
    </message>
    <message>
        <source>Serial {serial} was not scanned in this count</source>
        <comment>stock.count_serial_not_scanned</comment>
        <translation>本次盘点未扫描序列号 {serial}</translation>
    </message>
    <message>
        <source>Serial {serial} belongs to more than one product ({names:list}): scan the product first, then the serial</source>
        <comment>stock.serial_several_products</comment>
        <translation>序列号 {serial} 属于多个商品（{names:list}）：请先扫描商品，再扫描序列号</translation>
    </message>
    <message>
        <source>bring a serial unit to this store at the till</source>
        <comment>action.serial_override</comment>
        <translation>在收银台把序列号商品调到本店</translation>
    </message>
    <message>
        <source>Serial {serial} is already in stock at {store}: there is nothing to override</source>
        <comment>stock.serial_already_here</comment>
        <translation>序列号 {serial} 已在 {store} 库存中：无需越权</translation>
    </message>
    <message>
        <source>'{kind}' is not a kind of movement; use one of {allowed:list}</source>
        <comment>stock.report_kind_unknown</comment>
        <translation>“{kind}”不是移动类型；请使用以下之一：{allowed:list}</translation>
    </message>
    <message>
        <source>The age is a whole number of days, 0 or more ({days})</source>
        <comment>stock.aged_days_invalid</comment>
        <translation>库龄须为0或以上的整数天数（{days}）</translation>
    </message>
    <message>
        <source>The supplier</source>
        <comment>field.supplier</comment>
        <translation>供应商</translation>
    </message>
    <message>
        <source>The delivery note number</source>
        <comment>field.delivery_note</comment>
        <translation>送货单号</translation>
    </message>
    <message>
        <source>No product has the barcode or SKU {code}, and no unit has it as its serial</source>
        <comment>stock.lookup_nothing</comment>
        <translation>没有条码或 SKU 为 {code} 的商品，也没有序列号为 {code} 的设备</translation>
    </message>
    <message>
        <source>'{text}' is not a request id (a uuid such as 0b6f4c1e-...)</source>
        <comment>cli.bad_request_id</comment>
        <translation>'{text}' 不是请求编号（应为 uuid，如 0b6f4c1e-...）</translation>
    </message>
    <message>
        <source>{sku} at {store} has no reorder point now</source>
        <comment>stock.cli.reorder_cleared</comment>
        <translation>{sku} 在 {store} 已无补货点</translation>
    </message>
    <message>
        <source>a shelf count lists what is on the shelf: leave out what is not there (a category count sets what it does not find to 0)</source>
        <comment>stock.shelf_zero</comment>
        <translation>货架盘点只列出货架上的商品：不在的请不要列出（按品类盘点会把未找到的设为 0）</translation>
    </message>
    <message>
        <source>the credit limit a new account gets per customer kind, in fen, null for none, e.g. {example}</source>
        <comment>setting.expect.account_credit_limit</comment>
        <translation>新开账户按客户类型的信用额度(单位:分,null 表示不限),例如 {example}</translation>
    </message>
    <message>
        <source>true or false</source>
        <comment>setting.expect.account_block_overdue</comment>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>a whole number of days from {low} to {high}</source>
        <comment>setting.expect.quote_valid_days</comment>
        <translation>{low} 到 {high} 之间的整数天数</translation>
    </message>
    <message>
        <source>the days before a prospect is visited again and the business customer contacts a month, e.g. {example}</source>
        <comment>setting.expect.followup_cadence</comment>
        <translation>潜在客户回访间隔天数与商用客户每月联系次数,例如 {example}</translation>
    </message>
    <message>
        <source>a whole number of visits from {low} to {high}</source>
        <comment>setting.expect.visits_per_day_target</comment>
        <translation>{low} 到 {high} 之间的整数拜访次数</translation>
    </message>
    <message>
        <source>The credit limit an account gets when it is opened, per customer kind (fen; null: no limit)</source>
        <comment>setting.help.account_credit_limit</comment>
        <translation>开户时按客户类型给予的信用额度(分;null:不限额)</translation>
    </message>
    <message>
        <source>Whether the till refuses a sale on account while one of the account's invoices is overdue</source>
        <comment>setting.help.account_block_overdue</comment>
        <translation>账户有逾期欠款时,收银台是否拒绝挂账销售</translation>
    </message>
    <message>
        <source>How many days a quote stands unless another date is given (90 at most)</source>
        <comment>setting.help.quote_valid_days</comment>
        <translation>报价单默认有效天数(最多 90 天)</translation>
    </message>
    <message>
        <source>When a visited prospect is due again, and how often a month an owned business customer is contacted</source>
        <comment>setting.help.followup_cadence</comment>
        <translation>拜访过的潜在客户多少天后再访,以及商用客户每月联系几次</translation>
    </message>
    <message>
        <source>The visits a customer manager should make in a day</source>
        <comment>setting.help.visits_per_day_target</comment>
        <translation>客户经理每天应完成的拜访数</translation>
    </message>
    <message>
        <source>customer manager</source>
        <comment>role.customer_manager</comment>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>open a customer account or change its terms</source>
        <comment>action.account_open</comment>
        <translation>开立客户账户或修改账期</translation>
    </message>
    <message>
        <source>pass an account to the big-account team</source>
        <comment>action.account_transfer</comment>
        <translation>将账户移交大客户团队</translation>
    </message>
    <message>
        <source>write off an account's debt</source>
        <comment>action.account_write_off</comment>
        <translation>核销账户坏账</translation>
    </message>
    <message>
        <source>refund a pre-order's deposit</source>
        <comment>action.deposit_refund</comment>
        <translation>退还预订定金</translation>
    </message>
    <message>
        <source>sell at an expired quote's prices</source>
        <comment>action.quote_after_expiry</comment>
        <translation>按已过期报价单的价格销售</translation>
    </message>
    <message>
        <source>Deposit</source>
        <comment>tender_name.deposit</comment>
        <translation>定金</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <comment>tender_name.transfer</comment>
        <translation>银行转账</translation>
    </message>
    <message>
        <source>Payment</source>
        <comment>account.kind.payment</comment>
        <translation>收款</translation>
    </message>
    <message>
        <source>Write-off</source>
        <comment>account.kind.write_off</comment>
        <translation>核销</translation>
    </message>
    <message>
        <source>Credit applied</source>
        <comment>account.kind.allocate</comment>
        <translation>冲抵</translation>
    </message>
    <message>
        <source>Deposit</source>
        <comment>account.kind.deposit</comment>
        <translation>定金</translation>
    </message>
    <message>
        <source>Deposit refund</source>
        <comment>account.kind.deposit_refund</comment>
        <translation>退定金</translation>
    </message>
    <message>
        <source>Sale on account</source>
        <comment>account.kind.invoice</comment>
        <translation>挂账销售</translation>
    </message>
    <message>
        <source>Refund to account</source>
        <comment>account.kind.sale_credit</comment>
        <translation>退货冲账</translation>
    </message>
    <message>
        <source>open</source>
        <comment>account.state.open</comment>
        <translation>正常</translation>
    </message>
    <message>
        <source>with the big-account team</source>
        <comment>account.state.transferred</comment>
        <translation>已移交大客户团队</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>account.state.closed</comment>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>open</source>
        <comment>lead.state.open</comment>
        <translation>跟进中</translation>
    </message>
    <message>
        <source>quoted</source>
        <comment>lead.state.quoted</comment>
        <translation>已报价</translation>
    </message>
    <message>
        <source>won</source>
        <comment>lead.state.won</comment>
        <translation>已成交</translation>
    </message>
    <message>
        <source>lost</source>
        <comment>lead.state.lost</comment>
        <translation>已流失</translation>
    </message>
    <message>
        <source>handed over</source>
        <comment>lead.state.transferred</comment>
        <translation>已转单</translation>
    </message>
    <message>
        <source>small business</source>
        <comment>lead.kind.smb</comment>
        <translation>中小企业</translation>
    </message>
    <message>
        <source>government purchase</source>
        <comment>lead.kind.government</comment>
        <translation>政府采购</translation>
    </message>
    <message>
        <source>referred by staff</source>
        <comment>lead.kind.staff_referral</comment>
        <translation>员工推荐</translation>
    </message>
    <message>
        <source>walk-in</source>
        <comment>lead.kind.walk_in</comment>
        <translation>进店客户</translation>
    </message>
    <message>
        <source>business team</source>
        <comment>team.business</comment>
        <translation>商用团队</translation>
    </message>
    <message>
        <source>big-account team</source>
        <comment>team.big_accounts</comment>
        <translation>大客户团队</translation>
    </message>
    <message>
        <source>open</source>
        <comment>quote.state.open</comment>
        <translation>待确认</translation>
    </message>
    <message>
        <source>accepted</source>
        <comment>quote.state.accepted</comment>
        <translation>已接受</translation>
    </message>
    <message>
        <source>sold</source>
        <comment>quote.state.converted</comment>
        <translation>已成交</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>quote.state.cancelled</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>quote.state.expired</comment>
        <translation>已过期</translation>
    </message>
    <message>
        <source>open</source>
        <comment>preorder.state.open</comment>
        <translation>预订中</translation>
    </message>
    <message>
        <source>completed</source>
        <comment>preorder.state.completed</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>preorder.state.cancelled</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>{customer} has no account: a manager opens one before selling on account</source>
        <comment>account.none</comment>
        <translation>{customer} 没有账户:挂账销售前需由经理开户</translation>
    </message>
    <message>
        <source>{customer} already has an account</source>
        <comment>account.exists</comment>
        <translation>{customer} 已有账户</translation>
    </message>
    <message>
        <source>{customer}'s account would go over its limit: limit {limit:money}, owing {balance:money}, this sale {amount:money}. Nothing was sold</source>
        <comment>account.over_limit</comment>
        <translation>{customer} 的账户将超出额度:额度 {limit:money},已欠 {balance:money},本单 {amount:money}。未完成销售</translation>
    </message>
    <message>
        <source>{customer} owes {amount:money} overdue by {days} days: take a payment before selling on account</source>
        <comment>account.overdue</comment>
        <translation>{customer} 有 {amount:money} 已逾期 {days} 天:请先收款再挂账</translation>
    </message>
    <message>
        <source>{customer}'s account is with the big-account team: no more sales on account</source>
        <comment>account.transferred</comment>
        <translation>{customer} 的账户已移交大客户团队,不能再挂账</translation>
    </message>
    <message>
        <source>An account's term for a {kind:msg} is at most {most} days</source>
        <comment>account.term_too_long</comment>
        <translation>{kind:msg}客户的账期最多 {most} 天</translation>
    </message>
    <message>
        <source>A credit limit cannot be below zero</source>
        <comment>account.limit_negative</comment>
        <translation>信用额度不能小于零</translation>
    </message>
    <message>
        <source>A payment must be more than zero</source>
        <comment>account.payment_not_positive</comment>
        <translation>收款金额必须大于零</translation>
    </message>
    <message>
        <source>The payment {amount:money} is more than the {balance:money} owed: record the rest as a credit, or take less</source>
        <comment>account.payment_over_balance</comment>
        <translation>收款 {amount:money} 超过欠款 {balance:money}:请将余额记为预收,或减少收款</translation>
    </message>
    <message>
        <source>{receipt} is not an open invoice on this account</source>
        <comment>account.invoice_unknown</comment>
        <translation>{receipt} 不是本账户的未结单据</translation>
    </message>
    <message>
        <source>{receipt} is another customer's invoice</source>
        <comment>account.invoice_other_customer</comment>
        <translation>{receipt} 是其他客户的单据</translation>
    </message>
    <message>
        <source>{receipt} is already settled</source>
        <comment>account.invoice_settled</comment>
        <translation>{receipt} 已结清</translation>
    </message>
    <message>
        <source>{receipt} has {open:money} open; {asked:money} cannot be applied to it</source>
        <comment>account.pick_over_open</comment>
        <translation>{receipt} 未结 {open:money},不能冲抵 {asked:money}</translation>
    </message>
    <message>
        <source>The account changed while this was being posted: look at it again and retry</source>
        <comment>account.balance_changed</comment>
        <translation>提交时账户已变动:请重新查看后再试</translation>
    </message>
    <message>
        <source>A write-off needs a reason</source>
        <comment>account.write_off_reason</comment>
        <translation>核销需要填写原因</translation>
    </message>
    <message>
        <source>Only {open:money} is open; {asked:money} cannot be written off</source>
        <comment>account.write_off_over_open</comment>
        <translation>未结仅 {open:money},不能核销 {asked:money}</translation>
    </message>
    <message>
        <source>Cash is taken at a till with an open shift</source>
        <comment>account.cash_needs_till</comment>
        <translation>现金收款须在已开班的收银台办理</translation>
    </message>
    <message>
        <source>A payment on account is made in cash, by card, by transfer, WeChat Pay or Alipay</source>
        <comment>account.bad_tender</comment>
        <translation>账户收款方式为现金、银行卡、转账、微信或支付宝</translation>
    </message>
    <message>
        <source>{customer} owes nothing</source>
        <comment>account.nothing_open</comment>
        <translation>{customer} 没有欠款</translation>
    </message>
    <message>
        <source>No customer '{customer}': give a phone number or #id</source>
        <comment>customer.unknown</comment>
        <translation>没有客户'{customer}':请输入电话号码或 #编号</translation>
    </message>
    <message>
        <source>'{tax_id}' is not a tax id: 15 to 20 letters and digits</source>
        <comment>customer.bad_tax_id</comment>
        <translation>'{tax_id}' 不是有效的纳税人识别号:应为 15 到 20 位字母或数字</translation>
    </message>
    <message>
        <source>'{account}' is not a bank account number: 8 to 32 digits</source>
        <comment>customer.bad_bank_account</comment>
        <translation>'{account}' 不是有效的银行账号:应为 8 到 32 位数字</translation>
    </message>
    <message>
        <source>A quote is for a business customer with a company name; {customer} has none</source>
        <comment>quote.needs_company</comment>
        <translation>报价单须开给有公司名称的商用客户;{customer} 没有</translation>
    </message>
    <message>
        <source>A quote needs at least one line</source>
        <comment>quote.empty</comment>
        <translation>报价单至少需要一行</translation>
    </message>
    <message>
        <source>A quote cannot end in the past ({date:date})</source>
        <comment>quote.valid_until_past</comment>
        <translation>报价单有效期不能早于今天({date:date})</translation>
    </message>
    <message>
        <source>A quote stands at most {days} days</source>
        <comment>quote.valid_too_long</comment>
        <translation>报价单有效期最多 {days} 天</translation>
    </message>
    <message>
        <source>No quote {quote}</source>
        <comment>quote.unknown</comment>
        <translation>没有报价单 {quote}</translation>
    </message>
    <message>
        <source>Quote {quote} expired on {valid_until:date}: a manager approves its prices</source>
        <comment>quote.expired</comment>
        <translation>报价单 {quote} 已于 {valid_until:date} 过期:须经理批准价格</translation>
    </message>
    <message>
        <source>Quote {quote} was already sold as {receipt}</source>
        <comment>quote.already_converted</comment>
        <translation>报价单 {quote} 已成交,单号 {receipt}</translation>
    </message>
    <message>
        <source>Quote {quote} was cancelled</source>
        <comment>quote.cancelled</comment>
        <translation>报价单 {quote} 已取消</translation>
    </message>
    <message>
        <source>Quote {quote} does not match what was issued: it cannot be opened</source>
        <comment>quote.altered</comment>
        <translation>报价单 {quote} 与开出时不符,不能打开</translation>
    </message>
    <message>
        <source>A deposit must be more than zero</source>
        <comment>deposit.not_positive</comment>
        <translation>定金必须大于零</translation>
    </message>
    <message>
        <source>A pre-order needs the customer</source>
        <comment>deposit.needs_customer</comment>
        <translation>预订需要客户信息</translation>
    </message>
    <message>
        <source>The deposit is used whole: {held:money}</source>
        <comment>deposit.not_whole</comment>
        <translation>定金须整笔使用:{held:money}</translation>
    </message>
    <message>
        <source>The deposit of {preorder} was already used on {receipt}</source>
        <comment>deposit.already_used</comment>
        <translation>预订 {preorder} 的定金已用于 {receipt}</translation>
    </message>
    <message>
        <source>Pre-order {preorder} is another customer's</source>
        <comment>deposit.other_customer</comment>
        <translation>预订 {preorder} 属于其他客户</translation>
    </message>
    <message>
        <source>Money is never paid back to a deposit: choose cash or the original tender</source>
        <comment>deposit.not_refund_tender</comment>
        <translation>退款不能退回定金:请选择现金或原支付方式</translation>
    </message>
    <message>
        <source>No pre-order {preorder}</source>
        <comment>preorder.unknown</comment>
        <translation>没有预订 {preorder}</translation>
    </message>
    <message>
        <source>Pre-order {preorder} was cancelled</source>
        <comment>preorder.cancelled</comment>
        <translation>预订 {preorder} 已取消</translation>
    </message>
    <message>
        <source>No product '{code}' to pre-order</source>
        <comment>preorder.product_unknown</comment>
        <translation>没有可预订的商品'{code}'</translation>
    </message>
    <message>
        <source>A pre-order is for 1 to 99 units</source>
        <comment>preorder.quantity</comment>
        <translation>预订数量为 1 到 99 件</translation>
    </message>
    <message>
        <source>A lead needs a phone number or a WeChat id</source>
        <comment>lead.needs_contact</comment>
        <translation>商机需要电话或微信号</translation>
    </message>
    <message>
        <source>A lead needs a contact name</source>
        <comment>lead.needs_name</comment>
        <translation>商机需要联系人姓名</translation>
    </message>
    <message>
        <source>'{kind}' is not a kind of lead: smb, government, staff_referral or walk_in</source>
        <comment>lead.bad_kind</comment>
        <translation>'{kind}' 不是商机类型:smb、government、staff_referral 或 walk_in</translation>
    </message>
    <message>
        <source>No lead {lead}</source>
        <comment>lead.unknown</comment>
        <translation>没有商机 {lead}</translation>
    </message>
    <message>
        <source>A lead that is {from:msg} cannot become {to:msg}</source>
        <comment>lead.bad_transition</comment>
        <translation>{from:msg}的商机不能改为{to:msg}</translation>
    </message>
    <message>
        <source>Say why the lead was lost</source>
        <comment>lead.lost_needs_reason</comment>
        <translation>请填写商机流失原因</translation>
    </message>
    <message>
        <source>Leads are looked after by managers and customer managers</source>
        <comment>lead.not_allowed</comment>
        <translation>商机由经理和客户经理负责</translation>
    </message>
    <message>
        <source>'{team}' is not a team: business, customer or big_accounts</source>
        <comment>handover.team_unknown</comment>
        <translation>'{team}' 不是团队:business、customer 或 big_accounts</translation>
    </message>
    <message>
        <source>A visit needs notes: what was seen and said</source>
        <comment>followup.visit_needs_notes</comment>
        <translation>拜访需要记录:见到了什么、谈了什么</translation>
    </message>
    <message>
        <source>'{week}' is not a week: write 2026-W49 or the Monday's date</source>
        <comment>followup.bad_week</comment>
        <translation>'{week}' 不是有效的周:请写 2026-W49 或周一的日期</translation>
    </message>
    <message>
        <source>An invoice needs the customer's {missing:list}</source>
        <comment>invoice.needs_details</comment>
        <translation>开发票需要客户的 {missing:list}</translation>
    </message>
    <message>
        <source>An invoice was already requested for {receipt}</source>
        <comment>invoice.already_requested</comment>
        <translation>{receipt} 已申请过发票</translation>
    </message>
    <message>
        <source>{receipt} is not a sale to a customer: no invoice can be requested</source>
        <comment>invoice.not_a_sale</comment>
        <translation>{receipt} 不是客户的销售单,不能申请发票</translation>
    </message>
    <message>
        <source>company name</source>
        <comment>invoice.field.company</comment>
        <translation>公司名称</translation>
    </message>
    <message>
        <source>tax id</source>
        <comment>invoice.field.tax_id</comment>
        <translation>纳税人识别号</translation>
    </message>
    <message>
        <source>consumer</source>
        <comment>customer_kind.consumer</comment>
        <translation>个人</translation>
    </message>
    <message>
        <source>business customer</source>
        <comment>customer_kind.business</comment>
        <translation>商用</translation>
    </message>
    <message>
        <source>A deposit is taken in cash, by card, WeChat Pay, Alipay or bank transfer</source>
        <comment>deposit.bad_tender</comment>
        <translation>定金可用现金、银行卡、微信支付、支付宝或银行转账收取</translation>
    </message>
    <message>
        <source>The deposit {deposit:money} is more than the pre-order's price {price:money}</source>
        <comment>deposit.over_price</comment>
        <translation>定金 {deposit:money} 超过预订商品价格 {price:money}</translation>
    </message>
    <message>
        <source>The deposit of {preorder} ({held:money}) is more than this sale's {due:money}: a manager refunds the deposit and the sale is paid otherwise</source>
        <comment>deposit.over_due</comment>
        <translation>预订单 {preorder} 的定金（{held:money}）超过本单应收 {due:money}：请店长退还定金后改用其他方式收款</translation>
    </message>
    <message>
        <source>A deposit is paid back in cash or the way it was taken ({tender:msg})</source>
        <comment>deposit.refund_tender</comment>
        <translation>定金只能以现金或原收款方式（{tender:msg}）退还</translation>
    </message>
    <message>
        <source>A promised price is an amount above zero</source>
        <comment>preorder.bad_price</comment>
        <translation>承诺价格须大于零</translation>
    </message>
    <message>
        <source>Pre-order {preorder} is {state:msg}: nothing to do</source>
        <comment>preorder.not_open</comment>
        <translation>预订单 {preorder} 已{state:msg}，无需操作</translation>
    </message>
    <message>
        <source>The gift</source>
        <comment>field.gift</comment>
        <translation>赠品</translation>
    </message>
    <message>
        <source>The bank's name</source>
        <comment>field.bank_name</comment>
        <translation>开户银行</translation>
    </message>
    <message>
        <source>No active staff member {staff} to look after this customer</source>
        <comment>customer.bad_owner</comment>
        <translation>没有在职员工 {staff} 可负责此客户</translation>
    </message>
    <message>
        <source>Quote {quote} is not opened for this sale: open it again</source>
        <comment>quote.not_opened</comment>
        <translation>报价单 {quote} 未为本次销售打开：请重新打开</translation>
    </message>
    <message>
        <source>Quote {quote} is for another customer</source>
        <comment>quote.other_customer</comment>
        <translation>报价单 {quote} 属于其他客户</translation>
    </message>
    <message>
        <source>The WeChat id</source>
        <comment>field.wechat</comment>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Who uses it</source>
        <comment>field.need_who</comment>
        <translation>谁用</translation>
    </message>
    <message>
        <source>What it is for</source>
        <comment>field.need_what</comment>
        <translation>用来做什么</translation>
    </message>
    <message>
        <source>What they can use</source>
        <comment>field.need_can_use</comment>
        <translation>能用什么</translation>
    </message>
    <message>
        <source>What they value</source>
        <comment>field.need_values</comment>
        <translation>看重什么</translation>
    </message>
    <message>
        <source>The summary of the need</source>
        <comment>field.need_summary</comment>
        <translation>需求总结</translation>
    </message>
    <message>
        <source>A won lead becomes a customer: give the lead a phone number first</source>
        <comment>lead.won_needs_phone</comment>
        <translation>成交的商机要建为客户：请先填写电话号码</translation>
    </message>
    <message>
        <source>No staff member {owner} to look after the lead</source>
        <comment>lead.owner_unknown</comment>
        <translation>没有员工 {owner} 可以跟进这个商机</translation>
    </message>
    <message>
        <source>'{kind}' is not a contact: call or visit</source>
        <comment>followup.bad_contact_kind</comment>
        <translation>“{kind}”不是联系方式：电话或拜访</translation>
    </message>
    <message>
        <source>Hand over a lead (its number) or a customer (--customer), one of the two</source>
        <comment>cli.lead_or_customer</comment>
        <translation>转单对象是商机（编号）或客户（--customer），二选一</translation>
    </message>
    <message>
        <source>Days overdue is a whole number of at least 1</source>
        <comment>account.bad_days</comment>
        <translation>逾期天数应为不小于 1 的整数</translation>
    </message>
    <message>
        <source>Statement of {customer} ({state:msg}), from {start} to {end}</source>
        <comment>accounts.cli.statement</comment>
        <translation>{customer} 的对账单（{state:msg}），{start} 至 {end}</translation>
    </message>
    <message>
        <source>Brought forward: {amount:money}</source>
        <comment>accounts.cli.opening</comment>
        <translation>上期结余：{amount:money}</translation>
    </message>
    <message>
        <source>Balance: {amount:money}; overdue: {overdue:money}</source>
        <comment>accounts.cli.closing</comment>
        <translation>余额：{amount:money}；逾期：{overdue:money}</translation>
    </message>
    <message>
        <source>No account owes anything here</source>
        <comment>accounts.cli.nothing</comment>
        <translation>这里没有应收款</translation>
    </message>
    <message>
        <source>No account is overdue</source>
        <comment>accounts.cli.none_overdue</comment>
        <translation>没有逾期账户</translation>
    </message>
    <message>
        <source>{doc} posted: {amount:money}; the balance is now {balance:money}</source>
        <comment>accounts.cli.posted</comment>
        <translation>已过账 {doc}：{amount:money}；当前余额 {balance:money}</translation>
    </message>
    <message>
        <source>{doc} was already posted for this request: nothing new was posted</source>
        <comment>accounts.cli.replayed</comment>
        <translation>此请求已过账 {doc}：未重复过账</translation>
    </message>
    <message>
        <source>  applied to {ref}: {amount:money}</source>
        <comment>accounts.cli.applied</comment>
        <translation>  冲销 {ref}：{amount:money}</translation>
    </message>
    <message>
        <source>  kept as a credit: {amount:money}</source>
        <comment>accounts.cli.unapplied</comment>
        <translation>  留作预收款：{amount:money}</translation>
    </message>
    <message>
        <source>The account of {customer}: limit {limit}, term {days} days, balance {balance:money}</source>
        <comment>accounts.cli.opened</comment>
        <translation>{customer} 的账户：额度 {limit}，账期 {days} 天，余额 {balance:money}</translation>
    </message>
    <message>
        <source>none</source>
        <comment>accounts.cli.no_limit</comment>
        <translation>不限</translation>
    </message>
    <message>
        <source>The account of {customer} passed to the big-account team</source>
        <comment>accounts.cli.transferred</comment>
        <translation>{customer} 的账户已转交大客户团队</translation>
    </message>
    <message>
        <source>--invoice is RECEIPT or RECEIPT=AMOUNT, not '{text}'</source>
        <comment>accounts.cli.bad_invoice</comment>
        <translation>--invoice 应为“小票号”或“小票号=金额”，而不是“{text}”</translation>
    </message>
    <message>
        <source>--limit is an amount or 'none', not '{text}'</source>
        <comment>accounts.cli.bad_limit</comment>
        <translation>--limit 应为金额或 none，而不是“{text}”</translation>
    </message>
    <message>
        <source>Store  Customer  Current  1-30  31-60  60+  Credit  Total</source>
        <comment>accounts.cli.aging_head</comment>
        <translation>门店  客户  未到期  1-30天  31-60天  60天以上  预收  合计</translation>
    </message>
    <message>
        <source>Customer  Oldest due  Days  Overdue  Balance  Big accounts</source>
        <comment>accounts.cli.overdue_head</comment>
        <translation>客户  最早到期日  天数  逾期金额  余额  大客户团队</translation>
    </message>
    <message>
        <source>Date  Reference  Kind  Debit  Credit  Balance  Due  Open</source>
        <comment>accounts.cli.statement_head</comment>
        <translation>日期  单号  类型  借方  贷方  余额  到期日  未清</translation>
    </message>
    <message>
        <source>written {path}</source>
        <comment>accounts.cli.written</comment>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>Payments received on account:</source>
        <comment>report.shift_account_in</comment>
        <translation>收取客户欠款：</translation>
    </message>
    <message>
        <source>Deposits taken:</source>
        <comment>report.shift_deposits_in</comment>
        <translation>收取定金：</translation>
    </message>
    <message>
        <source>Deposits paid back:</source>
        <comment>report.shift_deposits_out</comment>
        <translation>退还定金：</translation>
    </message>
    <message>
        <source>No account document has the number {doc}</source>
        <comment>print.no_account_doc</comment>
        <translation>没有编号为 {doc} 的账户单据</translation>
    </message>
    <message>
        <source>Deposits held by {store} (pre-orders): {amount}</source>
        <comment>report.store_deposits_held</comment>
        <translation>{store} 结存预订定金：{amount}</translation>
    </message>
    <message>
        <source>minutes from a request to the technician's arrival, per area, e.g. {example}</source>
        <comment>setting.expect.service_promise</comment>
        <translation>按区域设定从登记到技术员到达的分钟数,例如 {example}</translation>
    </message>
    <message>
        <source>a whole number from 0 to 5</source>
        <comment>setting.expect.card_confirmations_required</comment>
        <translation>0 到 5 之间的整数</translation>
    </message>
    <message>
        <source>How soon a technician must arrive, per area (minutes): the city 2 hours, the county 6</source>
        <comment>setting.help.service_promise</comment>
        <translation>技术员须在多长时间内到达(分钟,按区域):市区 2 小时,县城 6 小时</translation>
    </message>
    <message>
        <source>How many of the five card confirmations a unit leaving without a card should have had</source>
        <comment>setting.help.card_confirmations_required</comment>
        <translation>未购服务卡的机器离店前应确认服务卡的次数(共五次)</translation>
    </message>
    <message>
        <source>installation</source>
        <comment>job.kind.installation</comment>
        <translation>安调</translation>
    </message>
    <message>
        <source>on-site visit</source>
        <comment>job.kind.on_site</comment>
        <translation>上门服务</translation>
    </message>
    <message>
        <source>repair</source>
        <comment>job.kind.repair</comment>
        <translation>送修</translation>
    </message>
    <message>
        <source>registered</source>
        <comment>job.state.registered</comment>
        <translation>已登记</translation>
    </message>
    <message>
        <source>scheduled</source>
        <comment>job.state.scheduled</comment>
        <translation>已预约</translation>
    </message>
    <message>
        <source>on the way</source>
        <comment>job.state.on_the_way</comment>
        <translation>在途</translation>
    </message>
    <message>
        <source>arrived</source>
        <comment>job.state.arrived</comment>
        <translation>已到达</translation>
    </message>
    <message>
        <source>done</source>
        <comment>job.state.done</comment>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <comment>job.state.cancelled</comment>
        <translation>已取消</translation>
    </message>
    <message>
        <source>received</source>
        <comment>job.state.received</comment>
        <translation>已收机</translation>
    </message>
    <message>
        <source>diagnosed</source>
        <comment>job.state.diagnosed</comment>
        <translation>已检测</translation>
    </message>
    <message>
        <source>waiting for parts</source>
        <comment>job.state.waiting_parts</comment>
        <translation>待配件</translation>
    </message>
    <message>
        <source>ready</source>
        <comment>job.state.ready</comment>
        <translation>可取机</translation>
    </message>
    <message>
        <source>collected</source>
        <comment>job.state.collected</comment>
        <translation>已取机</translation>
    </message>
    <message>
        <source>counter</source>
        <comment>department.counter</comment>
        <translation>门店柜台</translation>
    </message>
    <message>
        <source>installation</source>
        <comment>department.installation</comment>
        <translation>安调</translation>
    </message>
    <message>
        <source>on-site</source>
        <comment>department.on_site</comment>
        <translation>上门</translation>
    </message>
    <message>
        <source>repair</source>
        <comment>department.repair</comment>
        <translation>维修</translation>
    </message>
    <message>
        <source>before the sale is agreed</source>
        <comment>confirm.point.before_agree</comment>
        <translation>成交前</translation>
    </message>
    <message>
        <source>after the sale is agreed</source>
        <comment>confirm.point.after_agree</comment>
        <translation>成交后</translation>
    </message>
    <message>
        <source>at payment</source>
        <comment>confirm.point.at_payment</comment>
        <translation>付款前</translation>
    </message>
    <message>
        <source>at pickup</source>
        <comment>confirm.point.at_pickup</comment>
        <translation>提货前</translation>
    </message>
    <message>
        <source>during installation</source>
        <comment>confirm.point.during_install</comment>
        <translation>安调时</translation>
    </message>
    <message>
        <source>No job {job}</source>
        <comment>job.unknown</comment>
        <translation>没有服务单 {job}</translation>
    </message>
    <message>
        <source>'{kind}' is not a kind of job: installation, on_site or repair</source>
        <comment>job.bad_kind</comment>
        <translation>'{kind}' 不是服务类型:installation、on_site 或 repair</translation>
    </message>
    <message>
        <source>A job that is {from:msg} cannot become {to:msg}</source>
        <comment>job.bad_transition</comment>
        <translation>{from:msg}的服务单不能改为{to:msg}</translation>
    </message>
    <message>
        <source>Repair {job} was never diagnosed: record the diagnosis before it is ready or collected</source>
        <comment>job.not_diagnosed</comment>
        <translation>维修单 {job} 尚未检测:请先记录检测结果</translation>
    </message>
    <message>
        <source>An appointment cannot be in the past ({when:datetime})</source>
        <comment>job.appointment_past</comment>
        <translation>预约时间不能早于现在({when:datetime})</translation>
    </message>
    <message>
        <source>An appointment ends after it starts</source>
        <comment>job.appointment_order</comment>
        <translation>预约结束时间须晚于开始时间</translation>
    </message>
    <message>
        <source>No unit {serial} was sold here: only a repair may take it in, as a unit not sold here</source>
        <comment>job.unknown_serial</comment>
        <translation>本店没有售出过 {serial}:只能作为非本店机器送修</translation>
    </message>
    <message>
        <source>Say what the customer needs</source>
        <comment>job.needs_need</comment>
        <translation>请填写客户需求</translation>
    </message>
    <message>
        <source>Say which unit: its serial or the sale</source>
        <comment>job.needs_unit</comment>
        <translation>请填写机器:序列号或销售单</translation>
    </message>
    <message>
        <source>'{area}' is not an area of the service promise: {areas:list}</source>
        <comment>job.bad_area</comment>
        <translation>'{area}' 不是服务承诺区域:{areas:list}</translation>
    </message>
    <message>
        <source>An on-site job needs its area: {areas:list}</source>
        <comment>job.needs_area</comment>
        <translation>上门服务需要区域:{areas:list}</translation>
    </message>
    <message>
        <source>A job's priority is 1 (urgent), 2 or 3</source>
        <comment>job.bad_priority</comment>
        <translation>服务优先级为 1(紧急)、2 或 3</translation>
    </message>
    <message>
        <source>Jobs are worked by installers, technicians and managers</source>
        <comment>job.not_allowed</comment>
        <translation>服务单由安调员、技术员和经理处理</translation>
    </message>
    <message>
        <source>No technician '{name}'</source>
        <comment>job.technician_unknown</comment>
        <translation>没有技术员'{name}'</translation>
    </message>
    <message>
        <source>Job {job} is closed</source>
        <comment>job.closed</comment>
        <translation>服务单 {job} 已关闭</translation>
    </message>
    <message>
        <source>An estimate cannot be below zero</source>
        <comment>job.estimate_negative</comment>
        <translation>报价不能小于零</translation>
    </message>
    <message>
        <source>A repair needs the fault as the customer describes it</source>
        <comment>job.needs_fault</comment>
        <translation>送修需要填写客户描述的故障</translation>
    </message>
    <message>
        <source>No service card {card}</source>
        <comment>claim.card_unknown</comment>
        <translation>没有服务卡 {card}</translation>
    </message>
    <message>
        <source>Card {card} ended on {until:date}: the service is paid</source>
        <comment>claim.expired</comment>
        <translation>服务卡 {card} 已于 {until:date} 到期:本次服务需付费</translation>
    </message>
    <message>
        <source>Card {card} covers from {start:date}: the service is paid</source>
        <comment>claim.not_started</comment>
        <translation>服务卡 {card} 自 {start:date} 起生效:本次服务需付费</translation>
    </message>
    <message>
        <source>Unit {serial} is not registered on card {card}</source>
        <comment>claim.unit_not_registered</comment>
        <translation>机器 {serial} 未登记在服务卡 {card} 上</translation>
    </message>
    <message>
        <source>Card {card} covers carry-in service only: an on-site visit is paid</source>
        <comment>claim.carry_in_only</comment>
        <translation>服务卡 {card} 仅含送修服务:上门服务需付费</translation>
    </message>
    <message>
        <source>Card {card} covers {what:msg}, not this work: it is paid</source>
        <comment>claim.outside_scope</comment>
        <translation>服务卡 {card} 保障{what:msg},不含本次服务:需付费</translation>
    </message>
    <message>
        <source>Card {card} was cancelled (refunded): the service is paid</source>
        <comment>claim.card_cancelled</comment>
        <translation>服务卡 {card} 已退:本次服务需付费</translation>
    </message>
    <message>
        <source>Card {card} already covers its {most} units</source>
        <comment>card.units_full</comment>
        <translation>服务卡 {card} 已登记满 {most} 台</translation>
    </message>
    <message>
        <source>Unit {serial} is already on card {card}</source>
        <comment>card.unit_registered</comment>
        <translation>机器 {serial} 已登记在服务卡 {card} 上</translation>
    </message>
    <message>
        <source>Card {card} covers its own unit only</source>
        <comment>card.single_unit</comment>
        <translation>服务卡 {card} 仅保障本机</translation>
    </message>
    <message>
        <source>'{point}' is not a card confirmation point</source>
        <comment>confirm.bad_point</comment>
        <translation>'{point}' 不是服务卡确认节点</translation>
    </message>
    <message>
        <source>card confirmed {count} of {required} times</source>
        <comment>confirm.summary</comment>
        <translation>服务卡确认 {count}/{required} 次</translation>
    </message>
    <message>
        <source>The customer's need</source>
        <comment>field.job_need</comment>
        <translation>客户需求</translation>
    </message>
    <message>
        <source>The fault</source>
        <comment>field.fault</comment>
        <translation>故障</translation>
    </message>
    <message>
        <source>The accessories left</source>
        <comment>field.accessories</comment>
        <translation>随机附件</translation>
    </message>
    <message>
        <source>The condition</source>
        <comment>field.condition</comment>
        <translation>外观状况</translation>
    </message>
    <message>
        <source>The diagnosis</source>
        <comment>field.diagnosis</comment>
        <translation>检测结果</translation>
    </message>
    <message>
        <source>The note</source>
        <comment>field.job_note</comment>
        <translation>备注</translation>
    </message>
    <message>
        <source>'{state}' is not a job state: {states:list}</source>
        <comment>job.bad_state</comment>
        <translation>“{state}”不是工单状态：{states:list}</translation>
    </message>
    <message>
        <source>Job {job} is not a repair</source>
        <comment>job.not_a_repair</comment>
        <translation>工单 {job} 不是送修</translation>
    </message>
    <message>
        <source>The time {when:datetime} is before job {job} was registered or in the future</source>
        <comment>job.bad_time</comment>
        <translation>时间 {when:datetime} 早于工单 {job} 登记时间或在将来</translation>
    </message>
    <message>
        <source>Say what the diagnosis found</source>
        <comment>job.needs_diagnosis</comment>
        <translation>请填写检测结果</translation>
    </message>
    <message>
        <source>Receipt {receipt} has no unit at line {line}</source>
        <comment>job.no_unit_line</comment>
        <translation>小票 {receipt} 第 {line} 行不是主机</translation>
    </message>
    <message>
        <source>Receipt {receipt} has several units: say which line or serial</source>
        <comment>job.choose_unit</comment>
        <translation>小票 {receipt} 有多台主机：请指定行号或序列号</translation>
    </message>
    <message>
        <source>Unit {serial} is not on receipt {receipt}</source>
        <comment>job.unit_not_on_receipt</comment>
        <translation>序列号 {serial} 不在小票 {receipt} 上</translation>
    </message>
    <message>
        <source>Receipt {receipt} has no unit</source>
        <comment>job.no_unit_on_receipt</comment>
        <translation>小票 {receipt} 没有主机</translation>
    </message>
    <message>
        <source>No active staff member #{staff}</source>
        <comment>job.staff_unknown</comment>
        <translation>没有在职员工 #{staff}</translation>
    </message>
    <message>
        <source>The period ends after it starts</source>
        <comment>job.bad_period</comment>
        <translation>期间的结束应晚于开始</translation>
    </message>
    <message>
        <source>{count} jobs</source>
        <comment>job.list_header</comment>
        <translation>{count} 个工单</translation>
    </message>
    <message>
        <source>No service card covers unit {serial}: the service is paid</source>
        <comment>claim.no_card</comment>
        <translation>设备 {serial} 没有服务卡：服务收费</translation>
    </message>
    <message>
        <source>Job {job} names no unit: a claim needs the unit's serial</source>
        <comment>claim.no_unit</comment>
        <translation>工单 {job} 未登记设备：索赔需要设备序列号</translation>
    </message>
    <message>
        <source>Job {job} already has claim {claim} on card {card} for this work</source>
        <comment>claim.already</comment>
        <translation>工单 {job} 已就此服务在服务卡 {card} 上登记索赔 {claim}</translation>
    </message>
    <message>
        <source>'{what}' is not what a card covers: software, hardware or screen</source>
        <comment>claim.bad_what</comment>
        <translation>'{what}' 不是服务卡的保障范围：software（软件）、hardware（硬件）或 screen（屏幕）</translation>
    </message>
    <message>
        <source>Covered by card {card}: {terms:msg}</source>
        <comment>claim.covered</comment>
        <translation>服务卡 {card} 保障：{terms:msg}</translation>
    </message>
    <message>
        <source>Card {card} was cancelled (refunded): it takes no more units</source>
        <comment>card.unit_card_cancelled</comment>
        <translation>服务卡 {card} 已取消（已退款）：不能再登记设备</translation>
    </message>
    <message>
        <source>Card {card} ended on {until:date}: it takes no more units</source>
        <comment>card.unit_card_expired</comment>
        <translation>服务卡 {card} 已于 {until:date} 到期：不能再登记设备</translation>
    </message>
    <message>
        <source>Unit {serial} is already covered by card {other}</source>
        <comment>card.unit_other_card</comment>
        <translation>设备 {serial} 已由服务卡 {other} 保障</translation>
    </message>
    <message>
        <source>Job {job} has no appointment yet: give its date and time window</source>
        <comment>job.needs_appointment</comment>
        <translation>工单 {job} 尚无预约：请填写日期和时间段</translation>
    </message>
    <message>
        <source>Job {job} has no sheet: its department ({department:msg}) has none for this unit</source>
        <comment>job.no_sheet</comment>
        <translation>工单 {job} 没有推荐清单：{department:msg}部门没有适合该机器的清单</translation>
    </message>
    <message>
        <source>'{item}' is not on the sheet of job {job}</source>
        <comment>job.item_not_on_sheet</comment>
        <translation>“{item}”不在工单 {job} 的推荐清单上</translation>
    </message>
    <message>
        <source>'{item}' is sold by selling it on the job (a receipt), not by marking it</source>
        <comment>job.item_sold_by_sale</comment>
        <translation>“{item}”须在工单上收款销售，不能直接标记为已售</translation>
    </message>
    <message>
        <source>'{item}' was already sold on job {job}</source>
        <comment>job.item_already_sold</comment>
        <translation>“{item}”已在工单 {job} 上售出</translation>
    </message>
    <message>
        <source>Say which items were proposed on the call</source>
        <comment>job.call_needs_items</comment>
        <translation>请填写电话中推荐了哪些商品</translation>
    </message>
    <message>
        <source>'{text}' is not a date and time: YYYY-MM-DD HH:MM</source>
        <comment>job.bad_when</comment>
        <translation>“{text}”不是日期时间：YYYY-MM-DD HH:MM</translation>
    </message>
    <message>
        <source>customer sales team</source>
        <comment>team.customer</comment>
        <translation>客户销售团队</translation>
    </message>
    <message>
        <source>Quote {quote} gives its price for {quantity} × {name} at most: sell any more on another sale</source>
        <comment>quote.over_quantity</comment>
        <translation>报价单 {quote} 的报价最多适用于 {quantity} 件 {name}：多出的请另开一单销售</translation>
    </message>
    <message>
        <source>A sale paid by a pre-order's deposit is not voided (money never goes back to a deposit): take the goods back as a return, paid in cash</source>
        <comment>deposit.not_voided</comment>
        <translation>用预订定金支付的销售不能作废（钱款不退回定金）：请按退货办理，以现金退款</translation>
    </message>
    <message>
        <source>{receipt} was voided: there is nothing to invoice</source>
        <comment>invoice.voided</comment>
        <translation>{receipt} 已作废：没有可开发票的金额</translation>
    </message>
    <message>
        <source>The deposit held on {preorder} ({held:money}) is not what its deposit document took ({taken:money}): it is not spent. Run pos journal verify</source>
        <comment>deposit.not_as_taken</comment>
        <translation>预订单 {preorder} 记录的定金（{held:money}）与收取定金的单据（{taken:money}）不符：不能使用。请运行 pos journal verify</translation>
    </message>
    <message>
        <source>{receipt} was refunded in full: there is nothing to invoice</source>
        <comment>invoice.refunded</comment>
        <translation>{receipt} 已全额退款：没有可开发票的金额</translation>
    </message>
    <message>
        <source>This sale was paid on account and not all of it has been paid: at most {most:money} goes back as money; {account:money} goes back to the account</source>
        <comment>refund.back_to_account</comment>
        <translation>此单为挂账销售且尚未全部付清:最多退还现金等 {most:money},其余 {account:money} 须退回客户账户</translation>
    </message>
    <message>
        <source>This sale holds none of quote {quote}'s lines at its prices: it does not convert the quote (take the quote off the sale, or sell its lines)</source>
        <comment>quote.none_of_its_lines</comment>
        <translation>本单不含报价单 {quote} 中按报价销售的商品：不能转为该报价单的销售（请从本单移除报价单，或销售其中的商品）</translation>
    </message>
    <message>
        <source>The invoice request for {receipt} is not what was sealed when it was asked for: nothing exported. Run pos journal verify</source>
        <comment>invoice.altered</comment>
        <translation>{receipt} 的开票申请与申请时封存的内容不符：未导出任何内容。请运行 pos journal verify</translation>
    </message>
    <message>
        <source>This database has not joined a chain: run pos store join --hq URL --store CODE first</source>
        <comment>sync.not_joined</comment>
        <translation>本数据库尚未加入连锁：请先运行 pos store join --hq URL --store 门店代码</translation>
    </message>
    <message>
        <source>Head office cannot be reached ({reason}); the store goes on selling and sends its documents when the line is back</source>
        <comment>sync.hq_unreachable</comment>
        <translation>无法连接总部（{reason}）；门店照常销售，线路恢复后再发送单据</translation>
    </message>
    <message>
        <source>Head office does not know store {code}: add the store at head office first</source>
        <comment>sync.unknown_store</comment>
        <translation>总部没有门店 {code}：请先在总部添加该门店</translation>
    </message>
    <message>
        <source>{where} is not a head office database: run pos hq init on it first</source>
        <comment>sync.not_hq</comment>
        <translation>{where} 不是总部数据库：请先在其上运行 pos hq init</translation>
    </message>
    <message>
        <source>Store {code} already sends its documents to head office from another database (its journal starts {first}); a second database cannot join as the same store</source>
        <comment>sync.already_joined</comment>
        <translation>门店 {code} 已从另一个数据库向总部发送单据（其日志起始 {first}）；不能用第二个数据库以同一门店加入</translation>
    </message>
    <message>
        <source>This database already joined the chain as store {code}</source>
        <comment>sync.joined_as_other</comment>
        <translation>本数据库已作为门店 {code} 加入连锁</translation>
    </message>
    <message>
        <source>This database has no store {code}: a store joins with its own code</source>
        <comment>sync.no_local_store</comment>
        <translation>本数据库没有门店 {code}：门店须用自己的代码加入</translation>
    </message>
    <message>
        <source>{url} is not a PostgreSQL address (postgresql://user@host/database)</source>
        <comment>sync.bad_url</comment>
        <translation>{url} 不是 PostgreSQL 地址（postgresql://用户@主机/数据库）</translation>
    </message>
    <message>
        <source>Head office offers master data version {offered}, older than this store's {held}: nothing was applied (was head office restored from an older copy?)</source>
        <comment>sync.master_older</comment>
        <translation>总部提供的主数据版本 {offered} 比本店的 {held} 旧：未应用任何内容（总部是否从旧备份恢复？）</translation>
    </message>
    <message>
        <source>Store {store}: document #{seq} arrived but head office holds only up to #{last}; the store's stream is stopped until this is resolved</source>
        <comment>hq.chain_gap</comment>
        <translation>门店 {store}：收到第 {seq} 号单据，但总部只有到第 {last} 号；该门店的数据流已停止，待处理</translation>
    </message>
    <message>
        <source>Store {store}: document #{seq} does not match the chain ({why}); the store's stream is stopped until this is resolved</source>
        <comment>hq.chain_broken</comment>
        <translation>门店 {store}：第 {seq} 号单据与链不符（{why}）；该门店的数据流已停止，待处理</translation>
    </message>
    <message>
        <source>Store {store}'s stream is stopped: {error}. A head office manager looks, then resumes it (pos hq resume {store})</source>
        <comment>hq.stream_stopped</comment>
        <translation>门店 {store} 的数据流已停止：{error}。总部经理查看后再恢复（pos hq resume {store}）</translation>
    </message>
    <message>
        <source>Store {store} runs schema {store_rev} and head office {hq_rev}: upgrade the older one first</source>
        <comment>hq.schema_differs</comment>
        <translation>门店 {store} 的数据库结构为 {store_rev}，总部为 {hq_rev}：请先升级较旧的一方</translation>
    </message>
    <message>
        <source>Store {store}'s clock is {seconds} s off head office's; its documents keep their own times</source>
        <comment>hq.clock_skew</comment>
        <translation>门店 {store} 的时钟与总部相差 {seconds} 秒；其单据保留各自的时间</translation>
    </message>
    <message>
        <source>Serial {serial} was sold at {stores}</source>
        <comment>hq.serial_twice</comment>
        <translation>序列号 {serial} 在 {stores} 都被售出</translation>
    </message>
    <message>
        <source>Store {store} holds {quantity} of {sku}: below zero</source>
        <comment>hq.stock_negative</comment>
        <translation>门店 {store} 的 {sku} 库存为 {quantity}：低于零</translation>
    </message>
    <message>
        <source>its content does not give the hash it carries</source>
        <comment>hq.why_hash</comment>
        <translation>其内容与其所带的哈希值不符</translation>
    </message>
    <message>
        <source>it does not follow #{prev}: its previous hash differs</source>
        <comment>hq.why_link</comment>
        <translation>它未接在 #{prev} 之后：其前一哈希值不同</translation>
    </message>
    <message>
        <source>it differs from the copy head office received before</source>
        <comment>hq.why_differs</comment>
        <translation>它与总部先前收到的副本不同</translation>
    </message>
    <message>
        <source>it is not the first document the store joined with</source>
        <comment>hq.why_first</comment>
        <translation>它不是门店加入时的第一份单据</translation>
    </message>
    <message>
        <source>it was deleted at the store after it was sealed</source>
        <comment>hq.why_deleted</comment>
        <translation>它在封存后于门店被删除</translation>
    </message>
    <message>
        <source>Head office runs on PostgreSQL: {where} is not a PostgreSQL database</source>
        <comment>hq.needs_postgres</comment>
        <translation>总部必须使用 PostgreSQL：{where} 不是 PostgreSQL 数据库</translation>
    </message>
    <message>
        <source>This database is store {code} of a chain: head office needs a database of its own</source>
        <comment>hq.is_store</comment>
        <translation>此数据库是连锁门店 {code}：总部需要自己的数据库</translation>
    </message>
    <message>
        <source>Head office has no stream from store {store}: it has not joined</source>
        <comment>hq.unknown_stream</comment>
        <translation>总部没有门店 {store} 的数据流：该门店尚未加入</translation>
    </message>
    <message>
        <source>This database is head office: a store joins from its own database</source>
        <comment>sync.is_hq</comment>
        <translation>此数据库是总部：门店须从自己的数据库加入</translation>
    </message>
    <message>
        <source>This store joined the chain but the head office address file {path} is missing or unreadable: run pos store join --hq URL --store CODE again</source>
        <comment>sync.no_hq_file</comment>
        <translation>本店已加入连锁，但总部地址文件 {path} 丢失或无法读取：请再次运行 pos store join --hq URL --store CODE</translation>
    </message>
    <message>
        <source>This database already sends its documents to head office {hq}; it cannot join another head office</source>
        <comment>sync.joined_other_hq</comment>
        <translation>此数据库已向总部 {hq} 发送单据，不能再加入另一个总部</translation>
    </message>
    <message>
        <source>Head office ready on {where}: stores {codes:list}; master data version {version}</source>
        <comment>sync.cli.hq_ready</comment>
        <translation>总部已就绪（{where}）：门店 {codes:list}；主数据版本 {version}</translation>
    </message>
    <message>
        <source>Demo master data and its three stores loaded</source>
        <comment>sync.cli.demo_loaded</comment>
        <translation>已载入演示主数据及三家门店</translation>
    </message>
    <message>
        <source>Store {code} joined head office {hq}: {rows} rows of its history queued to send</source>
        <comment>sync.cli.joined</comment>
        <translation>门店 {code} 已加入总部 {hq}：{rows} 行历史数据已排队待发送</translation>
    </message>
    <message>
        <source>Store {code} had already joined head office {hq}: nothing changed</source>
        <comment>sync.cli.rejoined</comment>
        <translation>门店 {code} 已加入过总部 {hq}：无变化</translation>
    </message>
    <message>
        <source>Sent {documents} documents ({rows} rows) in {batches} batches; master data version {version} ({pulled} rows received)</source>
        <comment>sync.cli.synced</comment>
        <translation>已发送 {documents} 张单据（{rows} 行，{batches} 批）；主数据版本 {version}（收到 {pulled} 行）</translation>
    </message>
    <message>
        <source>Store {code}, head office {hq}</source>
        <comment>sync.cli.status_store</comment>
        <translation>门店 {code}，总部 {hq}</translation>
    </message>
    <message>
        <source>Waiting to be sent: {documents} documents ({rows} rows)</source>
        <comment>sync.cli.status_waiting</comment>
        <translation>等待发送：{documents} 张单据（{rows} 行）</translation>
    </message>
    <message>
        <source>Synced: nothing waiting</source>
        <comment>sync.cli.status_synced</comment>
        <translation>已同步：无待发送内容</translation>
    </message>
    <message>
        <source>Last sync: {at:datetime}; master data version {version}</source>
        <comment>sync.cli.last_ok</comment>
        <translation>上次同步：{at:datetime}；主数据版本 {version}</translation>
    </message>
    <message>
        <source>Not synced yet; master data version {version}</source>
        <comment>sync.cli.never_synced</comment>
        <translation>尚未同步；主数据版本 {version}</translation>
    </message>
    <message>
        <source>Head office unreachable since {at:datetime}</source>
        <comment>sync.cli.unreachable_since</comment>
        <translation>自 {at:datetime} 起无法连接总部</translation>
    </message>
    <message>
        <source>Last error: {error:msg}</source>
        <comment>sync.cli.last_error</comment>
        <translation>上次错误：{error:msg}</translation>
    </message>
    <message>
        <source>  Till {terminal}: last receipt {receipt} ({at:datetime}); head office holds {received}</source>
        <comment>sync.cli.terminal_line</comment>
        <translation>  收银台 {terminal}：最后小票 {receipt}（{at:datetime}）；总部已收到 {received}</translation>
    </message>
    <message>
        <source>  Till {terminal}: no receipt yet; head office holds {received}</source>
        <comment>sync.cli.terminal_none</comment>
        <translation>  收银台 {terminal}：尚无小票；总部已收到 {received}</translation>
    </message>
    <message>
        <source>At head office: document #{seq} received {received_at}, lag {lag}, {state:msg}</source>
        <comment>sync.cli.hq_view</comment>
        <translation>总部：已收到单据 #{seq}，接收时间 {received_at}，延迟 {lag}，{state:msg}</translation>
    </message>
    <message>
        <source>Head office not asked: {reason:msg}</source>
        <comment>sync.cli.hq_not_asked</comment>
        <translation>未能询问总部：{reason:msg}</translation>
    </message>
    <message>
        <source>This database has not joined a chain</source>
        <comment>sync.cli.not_joined</comment>
        <translation>此数据库尚未加入连锁</translation>
    </message>
    <message>
        <source>unknown</source>
        <comment>sync.cli.unknown</comment>
        <translation>未知</translation>
    </message>
    <message>
        <source>never</source>
        <comment>sync.cli.never</comment>
        <translation>从未</translation>
    </message>
    <message>
        <source>{store} {name}: document #{seq} of {document_at}, received {received_at}, lag {lag}, {state:msg}, {alerts} open alerts</source>
        <comment>hq.cli.store_line</comment>
        <translation>{store} {name}：单据 #{seq}（{document_at}），接收于 {received_at}，延迟 {lag}，{state:msg}，未处理警报 {alerts} 条</translation>
    </message>
    <message>
        <source>{store} {name}: not joined</source>
        <comment>hq.cli.store_not_joined</comment>
        <translation>{store} {name}：未加入</translation>
    </message>
    <message>
        <source>  Till {terminal}: last receipt {receipt} ({at:datetime})</source>
        <comment>hq.cli.terminal_line</comment>
        <translation>  收银台 {terminal}：最后小票 {receipt}（{at:datetime}）</translation>
    </message>
    <message>
        <source>stream ok</source>
        <comment>hq.cli.state_ok</comment>
        <translation>数据流正常</translation>
    </message>
    <message>
        <source>stream stopped: {error:msg}</source>
        <comment>hq.cli.state_stopped</comment>
        <translation>数据流已停止：{error:msg}</translation>
    </message>
    <message>
        <source>No open alerts</source>
        <comment>hq.cli.no_alerts</comment>
        <translation>没有未处理的警报</translation>
    </message>
    <message>
        <source>#{id} {at:datetime} {store}: {text:msg}</source>
        <comment>hq.cli.alert_line</comment>
        <translation>#{id} {at:datetime} {store}：{text:msg}</translation>
    </message>
    <message>
        <source>Store {store}'s stream resumed</source>
        <comment>hq.cli.resumed</comment>
        <translation>门店 {store} 的数据流已恢复</translation>
    </message>
    <message>
        <source>Head office's master data has a {table} row ({key}) without {field}: nothing was applied</source>
        <comment>sync.master_bad_row</comment>
        <translation>总部的主数据中 {table} 的一行（{key}）缺少 {field}：未应用任何内容</translation>
    </message>
    <message>
        <source>Head office's {table} row {key} names {parent} {ref}, which this store does not hold: nothing was applied</source>
        <comment>sync.master_missing</comment>
        <translation>总部的 {table} 行 {key} 引用了本店没有的 {parent} {ref}：未应用任何内容</translation>
    </message>
    <message>
        <source>Head office's {table} row {key} clashes with this store's own data ({detail}): nothing was applied</source>
        <comment>sync.master_conflict</comment>
        <translation>总部的 {table} 行 {key} 与本店自己的数据冲突（{detail}）：未应用任何内容</translation>
    </message>
    <message>
        <source>This store may not set its own prices: the setting store_prices_allowed is off</source>
        <comment>sync.store_prices_off</comment>
        <translation>本店不能自行定价：设置 store_prices_allowed 未开启</translation>
    </message>
    <message>
        <source>Only a manager or an administrator may set the store's own price</source>
        <comment>sync.prices_managers_only</comment>
        <translation>只有店长或管理员可以设置本店价格</translation>
    </message>
    <message>
        <source>{sku} has no store price to clear: it sells at head office's price</source>
        <comment>sync.no_store_price</comment>
        <translation>{sku} 没有本店价格可清除：按总部价格销售</translation>
    </message>
    <message>
        <source>true or false</source>
        <comment>setting.expect.store_prices_allowed</comment>
        <translation>true 或 false</translation>
    </message>
    <message>
        <source>Whether this store may set its own product prices, kept when head office's prices arrive</source>
        <comment>setting.help.store_prices_allowed</comment>
        <translation>本店是否可以自行设定商品价格（收到总部价格时保留本店价格）</translation>
    </message>
    <message>
        <source>Another sync of this store is sending its documents just now; this one sent nothing (it goes on by itself, or try again when that one ends)</source>
        <comment>sync.push_running</comment>
        <translation>本店的另一个同步正在发送单据；本次未发送任何内容（它会自行继续，或待其结束后重试）</translation>
    </message>
    <message>
        <source>{n} s</source>
        <comment>sync.cli.seconds</comment>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <source>{n} min</source>
        <comment>sync.cli.minutes</comment>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <source>{h} h {m} min</source>
        <comment>sync.cli.hours</comment>
        <translation>{h} 小时 {m} 分钟</translation>
    </message>
    <message>
        <source>{d} d {h} h</source>
        <comment>sync.cli.days</comment>
        <translation>{d} 天 {h} 小时</translation>
    </message>
    <message>
        <source>Store {store}: {checked} documents verified at head office; head {head}</source>
        <comment>hq.cli.verified</comment>
        <translation>门店 {store}：总部已核验 {checked} 张单据；链头 {head}</translation>
    </message>
    <message>
        <source>Store {store}: head office's copy fails after {checked} good documents: {problem}</source>
        <comment>hq.cli.verify_failed</comment>
        <translation>门店 {store}：总部副本在 {checked} 张正常单据之后核验失败：{problem}</translation>
    </message>
    <message>
        <source>{name} has no PIN at this store yet: a manager sets it first (pos staff set-pin)</source>
        <comment>staff.no_pin</comment>
        <translation>{name} 在本店还没有 PIN：请店长先设置（pos staff set-pin）</translation>
    </message>
    <message>
        <source>Head office's setting {key} is refused by this store ({reason:msg}): nothing was applied</source>
        <comment>sync.master_bad_setting</comment>
        <translation>本店不接受总部的设置 {key}（{reason:msg}）：未应用任何内容</translation>
    </message>
    <message>
        <source>Head office's staff member {name} has the role '{role}', which this store does not know: nothing was applied</source>
        <comment>sync.master_bad_staff</comment>
        <translation>总部的员工 {name} 的角色“{role}”本店不认识：未应用任何内容</translation>
    </message>
    <message>
        <source>{rows} rows of store {code} queued to be sent again: once head office resumed the stream (pos hq resume {code}), run pos sync</source>
        <comment>sync.cli.resend_queued</comment>
        <translation>门店 {code} 的 {rows} 行已排队重新发送：总部恢复数据流（pos hq resume {code}）后，运行 pos sync</translation>
    </message>
    <message>
        <source>Store {store} sent rows of table {table}, which head office does not keep: nothing of the batch was applied</source>
        <comment>hq.batch_table</comment>
        <translation>门店 {store} 发送了总部不保存的表 {table} 的行：该批次未应用任何内容</translation>
    </message>
    <message>
        <source>Store {store} sent column {column} of table {table}, which head office does not keep: nothing of the batch was applied</source>
        <comment>hq.batch_column</comment>
        <translation>门店 {store} 发送了总部不保存的表 {table} 的列 {column}：该批次未应用任何内容</translation>
    </message>
    <message>
        <source>Store {store} sent a row of table {table} without its whole key: nothing of the batch was applied</source>
        <comment>hq.batch_key</comment>
        <translation>门店 {store} 发送的表 {table} 的行缺少完整主键：该批次未应用任何内容</translation>
    </message>
</context>
</TS>