"""A hostile web on loopback: broken, huge, slow, mislabelled and malicious responses."""
