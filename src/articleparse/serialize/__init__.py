"""Serializers: each walks the tree and never re-parses."""
