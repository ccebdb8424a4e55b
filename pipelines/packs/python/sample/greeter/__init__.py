"""Says hello."""


def greet(name):
    return f"Hello, {name}!"
