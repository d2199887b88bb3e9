#!/usr/bin/env python3
"""Regenerate the sample show's audio, transcripts and chapters from the scripts below.

Needs espeak-ng, sox, lame and ffmpeg. The committed files are what builds use;
run this only to change the sample episodes' spoken content:

    python scripts/make_sample_audio.py

Each line is spoken by espeak-ng (host and guest in different voices), the lines
are joined with short pauses, and the exact start of each line is known, so the
WebVTT transcript and the chapter marks match the audio to the millisecond.
"""

from __future__ import annotations

import subprocess
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "episodes"
VOICES = {"Host": ("en-gb", 150), "Guest": ("en-us+f3", 155)}
HOST, GUEST = "Host", "Guest"
#: the names the transcripts give the voices (WebVTT <v Name>), matching each episode's persons
NAMES = {
    "001-ipv-and-substance-use": {HOST: "Dr Maya Okafor", GUEST: "Prof. Lena Hart"},
    "002-learning-alliances": {HOST: "Dr Maya Okafor", GUEST: "Dr Priya Natarajan"},
}
PAUSE = 0.35

# (folder, audio file, format, write transcript?, lines); a line is (speaker, text, chapter title or "")
EPISODES = [
    ("000-trailer", "safe-to-say-trailer.mp3", "mp3", False, [
        (HOST, "Safe to Say is a short podcast about the research on intimate partner violence and substance use.", ""),
        (HOST, "Each episode takes one study and asks what it found, and what it means for services.", ""),
    ]),
    ("001-ipv-and-substance-use", "ipv-and-substance-use.mp3", "mp3", True, [
        (HOST, "Welcome to Safe to Say. Today, the link between intimate partner violence and substance use.", "Welcome"),
        (GUEST, "The first myth is that alcohol or drugs cause abuse. They do not. They are linked, and they can make it worse.", "Myths"),
        (HOST, "How common is it, that both problems show up together?", "Prevalence"),
        (GUEST, "In treatment services, many people report both. Reviews find a consistent association, for victims and perpetrators.", ""),
        (HOST, "And what stops people getting help after an abusive relationship?", "Barriers to help"),
        (GUEST, "Services that work apart. Fear of losing children. And being told to sort out the drinking first.", ""),
    ]),
    ("002-learning-alliances", "learning-alliances.m4a", "m4a", True, [
        (HOST, "In this episode, regional Learning Alliances: services, police and researchers at one table.", ""),
        (GUEST, "The alliances met in each region to share what works, and to plan research together.", ""),
        (HOST, "What about safety, when you recruit survivors into a study?", ""),
        (GUEST, "Contact only through a safe route the survivor chooses, and never through the partner.", ""),
    ]),
    ("003-capabilities-framework", "capabilities-framework.mp3", "mp3", False, [
        (HOST, "What does a practitioner need, to work safely with men who use abuse and who are in substance use treatment?", ""),
        (GUEST, "A capabilities framework sets it out: knowledge, skills and values, from asking about abuse to managing risk.", ""),
        (HOST, "And the safety of partners and children comes first, at every step.", ""),
    ]),
    ("004-combined-programme-outcomes", "combined-programme-outcomes.m4a", "m4a", False, [
        (HOST, "Thirty men took part in a combined programme, in a substance use treatment setting.", ""),
        (GUEST, "Eighty seven percent started, and seventy seven percent completed over thirty hours of prevention work.", ""),
        (GUEST, "Substance use fell by twenty nine percent, and quality of life rose by forty percent.", ""),
        (HOST, "And the team made contact with fifty three percent of ex-partners.", ""),
    ]),
    ("005-european-review", "european-review.mp3", "mp3", False, [
        (HOST, "Sixty evaluations of perpetrator programmes across Europe. What can they tell us?", ""),
        (GUEST, "Less than we would like. Outcomes were measured in many different ways, and often only by the men themselves.", ""),
        (HOST, "So the review proposes a common model for designing and reporting evaluations.", ""),
    ]),
]


def run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


def seconds(path: Path) -> float:
    with wave.open(str(path)) as handle:
        return handle.getnframes() / handle.getframerate()


def stamp(value: float) -> str:
    ms = int(round(value * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def make(folder: str, name: str, fmt: str, transcript: bool, lines: list[tuple[str, str, str]]) -> None:
    out = ROOT / folder
    with tempfile.TemporaryDirectory() as tmp:
        parts, cues, marks, position = [], [], [], 0.0
        silence = Path(tmp) / "pause.wav"
        run("sox", "-n", "-r", "22050", "-c", "1", str(silence), "trim", "0", str(PAUSE))
        for index, (speaker, text, chapter) in enumerate(lines):
            voice, speed = VOICES[speaker]
            raw = Path(tmp) / f"{index}-raw.wav"
            wav = Path(tmp) / f"{index}.wav"
            run("espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text)
            run("sox", str(raw), "-r", "22050", "-c", "1", str(wav))
            length = seconds(wav)
            cues.append((position, position + length, speaker, text))
            if chapter:
                marks.append((position, chapter))
            parts += [str(wav), str(silence)]
            position += length + PAUSE
        joined = Path(tmp) / "joined.wav"
        run("sox", *parts, str(joined))
        target = out / name
        if fmt == "mp3":
            run("lame", "--quiet", "-m", "m", "-b", "16", "--resample", "22.05", "--noreplaygain", str(joined), str(target))
        else:
            run("ffmpeg", "-y", "-loglevel", "error", "-i", str(joined), "-c:a", "aac", "-b:a", "24k", "-ac", "1",
                "-map_metadata", "-1", "-fflags", "+bitexact", "-movflags", "+faststart", str(target))
    if transcript:
        body = ["WEBVTT", ""]
        for start, end, speaker, text in cues:
            name = NAMES.get(folder, {}).get(speaker, speaker)
            body += [f"{stamp(start)} --> {stamp(end)}", f"<v {name}>{text}", ""]
        (out / "transcript.vtt").write_text("\n".join(body), encoding="utf-8")
    if marks and not (out / "chapters.txt").exists():
        (out / "chapters.txt").write_text("".join(f"{stamp(t)[:8]} {title}\n" for t, title in marks), encoding="utf-8")
    print(f"{folder}/{name}: {position:.1f} s, {target.stat().st_size} bytes")


if __name__ == "__main__":
    for episode in EPISODES:
        (ROOT / episode[0]).mkdir(parents=True, exist_ok=True)
        make(*episode)
