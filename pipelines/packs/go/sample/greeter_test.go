package greeter

import "testing"

func TestGreet(t *testing.T) {
	if got := Greet("jx"); got != "Hello, jx!" {
		t.Fatalf("Greet = %q", got)
	}
}
