"""Shared pieces for the benchmarks: timing figures and a large synthetic catalog."""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pos.kernel.barcodes import make_ean13  # noqa: E402

BRANDS = ["Lenovo", "Huawei", "Xiaomi", "Canon", "Sony", "Nikon", "Dell", "HP", "ASUS", "Apple",
          "联想", "华为", "小米", "佳能", "索尼", "尼康", "戴尔", "惠普", "华硕", "荣耀"]
THINGS = ["Notebook", "Phone", "Tablet", "Camera", "Monitor", "Mouse", "Keyboard", "Bag", "Router",
          "笔记本电脑", "手机", "平板电脑", "数码相机", "显示器", "无线鼠标", "键盘", "电脑包", "路由器",
          "存储卡", "移动电源", "贴膜"]


def timed(fn, repeat: int) -> list[float]:
    """Run fn() `repeat` times; milliseconds per call."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def figures(label: str, samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return (f"{label:<44} median {statistics.median(ordered):8.3f} ms   "
            f"p95 {p95:8.3f} ms   (n={len(ordered)})")


def synthetic_catalog(count: int, seed: int = 7) -> tuple[bytes, bytes, list[str], list[str]]:
    """(categories CSV, catalog CSV, barcodes, names) for `count` products."""
    rng = random.Random(seed)
    categories = "code,name,kind,sheet_layout\n" + "".join(
        f"C{i:02d},Category {i},accessory,\n" for i in range(20))
    lines = ["sku,barcode,name,category,price,cost,stock,role,serial_tracked,vat_rate"]
    barcodes, names = [], []
    roles = ["traffic"] * 15 + ["mainstream"] * 60 + ["resource"] * 25
    for i in range(count):
        barcode = make_ean13(f"69{i:010d}")
        name = f"{rng.choice(BRANDS)} {rng.choice(THINGS)} {rng.randint(1, 999)} {i:06d}"
        price = rng.randint(500, 2_000_000)
        cost = price * rng.randint(40, 95) // 100
        lines.append(
            f"SKU{i:07d},{barcode},{name},C{i % 20:02d},{price // 100}.{price % 100:02d},"
            f"{cost // 100}.{cost % 100:02d},{rng.randint(0, 200)},{rng.choice(roles)},"
            f"{'yes' if i % 10 == 0 else 'no'},13")
        barcodes.append(barcode)
        names.append(name)
    return categories.encode(), ("\n".join(lines) + "\n").encode(), barcodes, names
