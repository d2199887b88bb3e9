#!/usr/bin/env python3
"""Draw the sample show's artwork (1400×1400 RGB PNG) with Pillow and DejaVu fonts."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = 1400
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
OUT = Path(__file__).resolve().parent.parent / "artwork.png"

image = Image.new("RGB", (SIZE, SIZE), (138, 21, 56))
draw = ImageDraw.Draw(image)
for i, colour in enumerate([(160, 40, 78), (184, 64, 100), (214, 110, 140)]):
    r = 520 - i * 140
    draw.ellipse((SIZE - r - 120, 160 + i * 40, SIZE - 120 + r // 3, 160 + i * 40 + r), outline=colour, width=18)
title = ImageFont.truetype(FONT, 200)
sub = ImageFont.truetype(FONT, 58)
draw.text((110, 700), "Safe", font=title, fill=(255, 255, 255))
draw.text((110, 900), "to Say", font=title, fill=(255, 255, 255))
draw.text((116, 1160), "Research on intimate partner violence", font=sub, fill=(255, 226, 236))
draw.text((116, 1235), "and substance use", font=sub, fill=(255, 226, 236))
image.save(OUT, optimize=True)
print(OUT, OUT.stat().st_size)
