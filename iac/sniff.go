package iac

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strings"
)

// sniffBytes is how much of a file's start sniffing reads.
const sniffBytes = 64 << 10

// Reasons a walk gives for the files it passes over; see [File.Skipped].
const (
	skippedPool  = "a user pool description (the AWS CLI's output of describe-user-pool, list-resource-servers or list-identity-providers), not an app client: give it with -pool to check request files against the pool"
	skippedLarge = "larger than %d MiB, and its start is no kind of input this reads"
)

// skipReason decides whether a walk passes over a file instead of reading
// it, and says why; "" means read it. data is the file's content, or nil
// when reading it failed with err. A file over a size limit is passed
// over when its start does not look like an input ([looksLikeInput]): a
// package lock or an API description, not a template too large to read.
// One that looks like an input stays an input error. A user pool
// description is passed over whatever its size.
func skipReason(p string, data []byte, err error) string {
	if err != nil {
		if !errors.Is(err, ErrTooLarge) {
			return ""
		}
		head, herr := readHead(p)
		if herr != nil || looksLikeInput(p, head) {
			return ""
		}
		return fmt.Sprintf(skippedLarge, maxInputBytes>>20)
	}
	if isPoolOutput(data) {
		return skippedPool
	}
	if len(data) > maxYAMLBytes && !startsJSON(data) && !looksLikeInput(p, data[:sniffBytes]) {
		return fmt.Sprintf(skippedLarge, maxYAMLBytes>>20)
	}
	return ""
}

// readHead reads the first sniffBytes of a file, of any size.
func readHead(p string) ([]byte, error) {
	f, _, err := OpenInput(p, math.MaxInt64)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, sniffBytes)
	n, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:n], err
}

// startsJSON reports whether data starts, after white space and a byte
// order mark, with '{' or '['.
func startsJSON(data []byte) bool {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(data) > 0 && (data[0] == '{' || data[0] == '[')
}

// inputKeys are the top-level keys of the inputs: CloudFormation
// templates, request JSON (create, update, described), Serverless services,
// Terraform plans and state.
var inputKeys = map[string]bool{
	"AWSTemplateFormatVersion": true, "Resources": true, "Transform": true, "Conditions": true, "Mappings": true,
	"UserPoolId": true, "ClientName": true, "ClientId": true, "UserPoolClient": true,
	"service":        true,
	"format_version": true, "terraform_version": true, "resource_changes": true,
}

// looksLikeInput reports whether the start of a file, head, looks like a
// kind of input: a .tf file or a Serverless service by its name, a text
// naming an app-client resource type, or JSON or YAML with a top-level key
// of an input (AWSTemplateFormatVersion, Resources, service, UserPoolId,
// format_version, ...). head may end anywhere.
func looksLikeInput(name string, head []byte) bool {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, `\`, "/")))
	if strings.HasSuffix(base, ".tf") || strings.HasSuffix(base, ".tf.json") || strings.HasPrefix(base, "serverless.") {
		return true
	}
	if bytes.Contains(head, []byte("AWS::Cognito::UserPoolClient")) || bytes.Contains(head, []byte("aws_cognito_user_pool_client")) {
		return true
	}
	if startsJSON(head) {
		for _, k := range topLevelKeys(head) {
			if inputKeys[k] {
				return true
			}
		}
		return false
	}
	// YAML: a key at the start of a line, outside any block.
	for line := range bytes.SplitSeq(head, []byte("\n")) {
		key, _, ok := bytes.Cut(line, []byte(":"))
		if ok && len(key) > 0 && key[0] != ' ' && key[0] != '\t' && key[0] != '#' && inputKeys[string(bytes.Trim(key, `"'`))] {
			return true
		}
	}
	return false
}

// topLevelKeys returns the keys of the JSON object that head starts, as far
// as head goes: a scan of strings and nesting, not a parse, so a truncated
// or invalid text still gives the keys before the cut. Escaped keys are
// returned as written.
func topLevelKeys(head []byte) []string {
	var keys []string
	depth := 0
	for i := 0; i < len(head); i++ {
		switch c := head[i]; c {
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth <= 0 {
				return keys
			}
		case '"':
			j := i + 1
			for j < len(head) && head[j] != '"' {
				if head[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(head) {
				return keys
			}
			str := head[i+1 : j]
			i = j
			if depth != 1 {
				continue
			}
			rest := bytes.TrimLeft(head[j+1:], " \t\r\n")
			if len(rest) > 0 && rest[0] == ':' {
				keys = append(keys, string(str))
			}
		}
	}
	return keys
}

// poolOutputKeys are the members of the AWS CLI's outputs that describe a
// user pool, as appclient.DecodePool reads them.
var poolOutputKeys = map[string]bool{"UserPool": true, "ResourceServers": true, "Providers": true}

// isPoolOutput reports whether data is the AWS CLI's output describing a
// user pool: JSON whose first member is UserPool, ResourceServers or
// Providers. No request, template, plan or state starts so.
func isPoolOutput(data []byte) bool {
	if !startsJSON(data) {
		return false
	}
	keys := topLevelKeys(data[:min(len(data), 4<<10)])
	return len(keys) > 0 && poolOutputKeys[keys[0]]
}
