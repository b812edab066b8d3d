"""Amends: restorative accountability after sexual harm."""
