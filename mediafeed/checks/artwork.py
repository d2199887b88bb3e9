"""Artwork rules (Apple): square, 1400–3000 px, JPEG or PNG, RGB, extension matching the content."""

from __future__ import annotations

import codecs
import io
import os
import struct
import zlib
from dataclasses import replace
from pathlib import Path
from shlex import quote
from typing import Any

from ..errors import Problem, error, warning

MIN_SIZE, MAX_SIZE = 1400, 3000
WARN_BYTES = 512 * 1024
_EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",)}


def image_size(path: Path, rel: str, episode: str = "") -> tuple[tuple[int, int], list[Problem]]:
    """The image's (width, height) and every artwork problem found."""
    plain = plain_png(path)
    if plain is not None:
        size, mode, nbytes = plain
        return size, check_artwork(rel, size, "PNG", mode, nbytes, episode)
    return opened_size(path, rel, episode)


#: The PNG file signature
_PNG = b"\x89PNG\r\n\x1a\n"
#: (bit depth, colour type) of a PNG's IHDR → the mode Pillow opens it in (its PngImagePlugin._MODES): the two
#: that need no palette; any other PNG is opened by Pillow
_PNG_MODES = {(8, 2): "RGB", (8, 6): "RGBA"}
#: chunks that may come between IHDR and the first IDAT in a PNG :func:`plain_png` reads, at the only length each
#: has: Pillow reads them into ``info`` (colour space, gamma, chromaticities, pixel density) and nothing it says of
#: the picture (size, mode, EXIF) depends on them; any other chunk (a palette, transparency, text, an ICC profile,
#: EXIF, an animation) sends the file to Pillow
_PNG_PLAIN_CHUNKS = {b"sRGB": 1, b"gAMA": 4, b"cHRM": 32, b"pHYs": 9}
#: Pillow's MAX_IMAGE_PIXELS: above it, opening warns (and at twice it refuses): such a picture goes to Pillow
_PILLOW_PIXELS = 1024 * 1024 * 1024 // 4 // 3


def plain_png(path: Path) -> tuple[tuple[int, int], str, int] | None:
    """(size, mode, bytes) of a plain 8-bit RGB or RGBA PNG (IHDR, then only the chunks of ``_PNG_PLAIN_CHUNKS``
    before the first IDAT, each with its CRC right), read from its first bytes: what Pillow says of it, without
    importing Pillow (~70 M instructions, 6% of a cold build of 10 episodes). None for any other file, which
    :func:`opened_size` opens with Pillow as before."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(33)
            if len(head) < 33 or head[:16] != _PNG + b"\x00\x00\x00\x0dIHDR":
                return None
            ihdr = head[16:29]
            width, height = struct.unpack(">II", ihdr[:8])
            mode = _PNG_MODES.get((ihdr[8], ihdr[9]))
            if (mode is None or ihdr[11] or not 0 < width * height <= _PILLOW_PIXELS
                    or zlib.crc32(head[12:29]) != struct.unpack(">I", head[29:33])[0]):
                return None
            for _ in range(len(_PNG_PLAIN_CHUNKS) + 1):
                chunk = handle.read(8)
                if chunk[4:] == b"IDAT":
                    return (width, height), mode, os.fstat(handle.fileno()).st_size
                if len(chunk) < 8 or _PNG_PLAIN_CHUNKS.get(chunk[4:]) != struct.unpack(">I", chunk[:4])[0]:
                    return None
                length = _PNG_PLAIN_CHUNKS[chunk[4:]]
                body = handle.read(length + 4)
                if len(body) != length + 4 or zlib.crc32(chunk[4:] + body[:-4]) != struct.unpack(">I", body[-4:])[0]:
                    return None
    except OSError:
        return None
    return None


def opened_size(path: Path, rel: str, episode: str = "") -> tuple[tuple[int, int], list[Problem]]:
    """:func:`image_size` by Pillow: the image opened, whatever its format."""
    from PIL import Image, UnidentifiedImageError  # here: a build that remembers its artwork never imports Pillow

    try:
        with Image.open(path) as image:
            size, fmt, mode, place = image.size, image.format or "", image.mode, taken_at(image)
    except FileNotFoundError:
        return (0, 0), [error("ART001", rel, "artwork file not found", field="artwork", episode=episode)]
    except Image.DecompressionBombError as exc:  # Pillow refuses to read it: far more pixels than any artwork has
        return (0, 0), [error("ART002", rel, f"not a readable image: {exc.args[0].split(',')[0]}", field="artwork",
                              hint="export it at 3000×3000 px as a JPEG or PNG", episode=episode)]
    except (UnidentifiedImageError, OSError) as exc:
        what, hint = _unreadable(path, exc)
        return (0, 0), [error("ART002", rel, f"not a JPEG or PNG image: {what}", field="artwork", hint=hint,
                              episode=episode)]
    return size, check_artwork(rel, size, fmt, mode, os.path.getsize(path), episode, place)


def taken_at(image: Any) -> str:
    """Where a photo's EXIF says it was taken (its GPS position, "51.5072° N, 0.1275° W"), or "" when it does not say:
    a phone's photo used as artwork keeps it, and the build embeds the artwork in every episode's file."""
    raw = image.info.get("exif")  # what opening the image read (JPEG's APP1, PNG's eXIf before the pixels): getexif()
    if not raw:  # would make Pillow read a PNG's every pixel looking for one (8.5 ms for the sample artwork, not 29 µs)
        return ""
    try:
        from PIL import Image

        exif = Image.Exif()
        exif.load(raw)
        gps = exif.get_ifd(_GPS_IFD)
    except (AttributeError, OSError, ValueError, SyntaxError, struct.error):  # no EXIF a reader understands
        return ""
    if not gps:
        return ""
    try:
        parts = []
        for value, ref in ((2, 1), (4, 3)):
            degrees, minutes, seconds = (float(v) for v in gps[value])
            parts.append(f"{degrees + minutes / 60 + seconds / 3600:.4f}° {str(gps.get(ref, '')).strip()}".rstrip())
        return ", ".join(parts)
    except (KeyError, TypeError, ValueError, ZeroDivisionError):
        return "a GPS position"


#: the EXIF tag of the GPS information (its IFD)
_GPS_IFD = 0x8825


#: (leading bytes, where they may start, what the file is, the fix): what artwork files that are no image turn out to be
_NOT_IMAGES = (
    (b"ftypheic", 4, "a HEIC image (an iPhone photo's format)", "export it as a JPEG or PNG (on a Mac: File > Export in Preview)"),
    (b"ftypheix", 4, "a HEIC image (an iPhone photo's format)", "export it as a JPEG or PNG (on a Mac: File > Export in Preview)"),
    (b"ftypmif1", 4, "a HEIF image", "export it as a JPEG or PNG"),
    (b"ftypavif", 4, "an AVIF image", "export it as a JPEG or PNG: podcast apps do not read AVIF"),
    (b"%PDF", 0, "a PDF document", "export the artwork as a 3000×3000 px JPEG or PNG"),
)


def _unreadable(path: Path, exc: Exception) -> tuple[str, str]:
    """What a file that Pillow cannot open is, in the producer's words, and the fix."""
    try:
        with open(path, "rb") as f:
            head = f.read(512)
    except OSError:
        return f"it cannot be read ({getattr(exc, 'strerror', None) or 'an error reading it'})", "check the file"
    return _what_instead(head)


def _what_instead(head: bytes) -> tuple[str, str]:
    """What bytes that are no image (their first 512) are, and the fix."""
    if not head:
        return "the file is empty", "save or export the artwork again"
    for magic, at, what, hint in _NOT_IMAGES:
        if head[at:at + len(magic)] == magic:
            return what, hint
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in start[:512] and start.startswith((b"<?xml", b"<svg", b"<!--", b"<!doctype svg")):
        return "an SVG drawing", "export it as a 3000×3000 px PNG (apps do not draw SVG artwork)"
    if start.startswith((b"<!doctype html", b"<html", b"<head")):
        return "a web page (HTML)", "the download saved a web page, not the picture: download the image itself"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)  # a character cut at byte 512 is text
    except UnicodeDecodeError:
        return "its bytes are none of the image formats apps read", "export it as a JPEG or PNG"
    return "text", "save the picture itself as a JPEG or PNG"


#: Pillow's names of image formats apps do not take, in a producer's words (ART003); those ffmpeg reads get its command
_FORMATS = {"WEBP": "a WebP image", "GIF": "a GIF image", "TIFF": "a TIFF image", "BMP": "a BMP image",
            "ICO": "an icon (ICO)", "JPEG2000": "a JPEG 2000 image", "PSD": "a Photoshop document (PSD)",
            "TGA": "a TGA image", "PPM": "a PPM image", "DDS": "a DDS texture", "ICNS": "a macOS icon (ICNS)"}
_FFMPEG_READS = {"WEBP", "GIF", "TIFF", "BMP", "TGA", "PPM", "JPEG2000"}
#: Pillow's colour modes in a producer's words (ART007: "colour mode is I;16" named Pillow's internals)
_MODES = {"CMYK": "CMYK (print colours)", "1": "black and white (1 bit a pixel)", "LA": "greyscale with transparency",
          "La": "greyscale with transparency", "PA": "a palette with transparency", "I": "greyscale of 16 or 32 bits a pixel",
          "I;16": "16-bit greyscale", "I;16B": "16-bit greyscale", "I;16L": "16-bit greyscale", "I;16N": "16-bit greyscale",
          "F": "32-bit floating-point greyscale", "YCbCr": "YCbCr (video colours)", "LAB": "Lab colour",
          "HSV": "HSV colour", "RGBA": "RGB with transparency", "RGBa": "RGB with transparency", "RGBX": "RGB with padding"}
#: the modes with transparency: made RGB by laying the picture on white, as the pages' scaled copies are
_SEE_THROUGH = {"LA", "La", "PA", "RGBA", "RGBa"}


def _flattened(name: str, size: tuple[int, int]) -> str:
    """ffmpeg's command that lays ``name`` on white as an RGB PNG (the picture is ``size`` pixels)."""
    stem = os.path.splitext(name)[0] or name
    return (f"ffmpeg -i {quote(name)} -f lavfi -i color=white:s={size[0]}x{size[1]} -filter_complex "
            f"\"[1][0]overlay=format=auto,format=rgb24\" -frames:v 1 {quote(stem + '-rgb.png')}")


def _as_rgb(name: str, fmt: str, mode: str, size: tuple[int, int]) -> str:
    """ART007's fix for a picture in colour ``mode``: the command that makes an RGB copy, and what to do with it."""
    stem = os.path.splitext(name)[0] or name
    if mode in _SEE_THROUGH:
        command = _flattened(name, size)
    elif fmt == "JPEG":
        command = f"ffmpeg -i {quote(name)} -q:v 2 {quote(stem + '-rgb.jpg')}"
    else:
        command = f"ffmpeg -i {quote(name)} -pix_fmt rgb24 {quote(stem + '-rgb.png')}"
    editor = "export it again as sRGB from the image editor (it keeps the print colours closer), or convert it" \
        if mode == "CMYK" else "convert it to 8-bit RGB"
    return f"{editor}: {command}, and use that file (a new name also makes apps fetch it again)"


def check_artwork(rel: str, size: tuple[int, int], fmt: str, mode: str, nbytes: int, episode: str = "",
                  place: str = "") -> list[Problem]:
    problems = []
    # a JPEG holding more than one picture (a phone's HDR gain map or depth map, a camera's MPF preview): Pillow calls
    # it MPO; every app reads its first picture, as any JPEG (it was "artwork is MPO; apps accept JPEG or PNG")
    fmt = "JPEG" if fmt == "MPO" else fmt
    name = os.path.basename(rel.rstrip("/")) or rel
    if place:
        problems.append(warning("ART010", rel, f"the picture says where it was taken ({place}, in its EXIF GPS data): the "
                                               "build embeds it in every episode's audio and publishes it, so anyone can "
                                               "read the place", field="artwork", episode=episode,
                                hint=f"remove the location (exiftool -gps:all= -overwrite_original {os.path.basename(rel)}), "
                                     "or export the picture again without it"))
    width, height = size
    if fmt not in _EXTENSIONS:
        # (laid on white, its first frame: ffmpeg decodes a GIF or WebP as RGB with transparency, so a plain copy was
        # a PNG with an alpha channel, ART008, and an animated GIF's second frame stopped it, exit 1)
        problems.append(error("ART003", rel, f"artwork is {_FORMATS.get(fmt, fmt or 'in an unknown format')}; apps "
                              "accept JPEG or PNG", field="artwork", episode=episode,
                              hint=f"export it as a JPEG or PNG, or convert it: {_flattened(name, size)}, and use that file"
                              if fmt in _FFMPEG_READS and width and height else "export it as a JPEG or PNG"))
    elif os.path.splitext(rel)[1].lower() not in _EXTENSIONS[fmt]:
        problems.append(error("ART004", rel, f"the file is a {fmt} image but its name ends in {os.path.splitext(rel)[1] or 'nothing'}",
                              field="artwork", hint=f"rename it to end in {_EXTENSIONS[fmt][0]} (a new name also makes apps fetch it again)",
                              episode=episode))
    if width != height:
        problems.append(error("ART005", rel, f"artwork is {width}×{height}; it must be square", field="artwork",
                              hint="crop it to a square", episode=episode))
    if not (MIN_SIZE <= min(width, height) and max(width, height) <= MAX_SIZE):
        problems.append(error("ART006", rel, f"artwork is {width}×{height} px; Apple wants 1400×1400 to 3000×3000",
                              field="artwork", hint="export it at 3000×3000 px", episode=episode))
    if mode not in ("RGB", "P", "L") and not (fmt == "PNG" and mode == "RGBA"):
        problems.append(error("ART007", rel, f"artwork is {_MODES.get(mode, f'in colour mode {mode}')}; Apple wants "
                              "RGB (sRGB)", field="artwork", hint=_as_rgb(name, fmt, mode, size), episode=episode))
    elif mode == "RGBA":
        problems.append(warning("ART008", rel, "artwork has an alpha channel; some apps show it on black", field="artwork",
                                hint=f"flatten it onto a background: {_flattened(name, size)}, and use that file",
                                episode=episode))
    if nbytes > WARN_BYTES:
        shown = f"{nbytes / 1024 / 1024:.1f} MB" if nbytes >= 1024 * 1024 else f"{nbytes // 1024} KB"
        problems.append(warning("ART009", rel, f"artwork is {shown}; hosts commonly warn above 512 KB",
                                field="artwork", hint="compress it (JPEG quality 85 is plenty)", episode=episode))
    return problems


def inspect_bytes(data: bytes, rel: str, episode: str = "", field: str = "artwork") -> list[Problem]:
    """Artwork problems of an image fetched from the web (``rel`` is its URL without the query)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            size, fmt, mode, place = image.size, image.format or "", image.mode, taken_at(image)
    except Image.DecompressionBombError as exc:
        return [error("ART002", rel, f"not a readable image: {exc.args[0].split(',')[0]}", field=field,
                      hint="publish it at 3000×3000 px as a JPEG or PNG", episode=episode)]
    except (UnidentifiedImageError, OSError):
        what, hint = _what_instead(data[:512])
        return [error("ART002", rel, f"not a JPEG or PNG image: {what}", field=field, hint=hint, episode=episode)]
    found = check_artwork(rel, size, fmt, mode, len(data), episode, place)
    return [replace(p, field=field) for p in found]
