import unittest

from greeter import greet


class GreetTest(unittest.TestCase):
    def test_greets(self):
        self.assertEqual(greet("jx"), "Hello, jx!")


if __name__ == "__main__":
    unittest.main()
