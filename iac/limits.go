package iac

// Limits that keep memory and time bounded whatever the input.
const (
	// maxInputBytes is the largest input read; a larger one is an input error.
	maxInputBytes = 10 << 20
	// maxYAMLBytes is the largest YAML input: the YAML reader needs about
	// 120 bytes of memory per byte of input in the worst case, and
	// CloudFormation itself accepts templates of at most 1 MB.
	maxYAMLBytes = 1 << 20
)
