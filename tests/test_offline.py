"""Nothing reaches for the network at run time: no model download, no suffix list."""

from __future__ import annotations

import subprocess
import sys

GUARDED_REVIEW = r"""
import socket

def refuse(*args, **kwargs):
    raise SystemExit("the coach tried to reach the network: %r" % (args,))

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from amends.coach import get_coach

review = get_coach().review(
    "I was her manager at Northgate Logistics in 2019. Write to me at someone@example.org "
    "or see https://social.example.com/someone. I am sorry, but she had been drinking."
)
kinds = sorted({finding.kind for finding in review.findings})
print(" ".join(kinds))
"""


def test_the_coach_loads_and_reviews_with_the_network_cut_off() -> None:
    result = subprocess.run(
        [sys.executable, "-c", GUARDED_REVIEW], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    kinds = result.stdout.split()
    assert "contact" in kinds and "organisation" in kinds and "sorry_but" in kinds
