// Package greeter is the Go build pack's sample.
package greeter

// Greet says hello.
func Greet(name string) string {
	return "Hello, " + name + "!"
}
