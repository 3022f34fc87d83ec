"""Write resources/sounds/alarm.wav: a short, penetrating two-tone alarm (standard library only).

Run by hand: ``python tools/make_alarm_sound.py``. The output is deterministic, so
re-running it leaves the committed file unchanged.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
TONES = ((988.0, 0.18), (0.0, 0.04), (740.0, 0.18), (0.0, 0.04)) * 3  # B5 / F#5, three times
VOLUME = 0.8
FADE = 0.006  # seconds of fade in/out per tone: no clicks

OUTPUT = Path(__file__).resolve().parents[1] / "resources" / "sounds" / "alarm.wav"


def samples() -> bytes:
    frames = bytearray()
    for freq, duration in TONES:
        count = int(RATE * duration)
        fade = int(RATE * FADE)
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade) if fade else 1.0
            value = math.sin(2 * math.pi * freq * i / RATE) if freq else 0.0
            frames += struct.pack("<h", int(32767 * VOLUME * envelope * value))
    return bytes(frames)


def main() -> None:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUTPUT), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples())
    print(f"{OUTPUT} ({OUTPUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
