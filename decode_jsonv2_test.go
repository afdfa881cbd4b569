//go:build goexperiment.jsonv2

package appclient

// This file compares the request decoders with encoding/json/v2, which Go 1.26
// builds only with GOEXPERIMENT=jsonv2:
//
//	GOEXPERIMENT=jsonv2 go test -run 'JSONv2' .
//	GOEXPERIMENT=jsonv2 go test -run '^$' -fuzz FuzzDecodeJSONv2 -fuzztime 1m .
//
// json/v2 is configured as strictly as the decoders are: unknown members are
// rejected (RejectUnknownMembers); names match case-sensitively, duplicate
// names, invalid UTF-8 and unpaired surrogate escapes are rejected, and data
// after the value is an error, all of which are json/v2's defaults. Where both
// accept an input, they must read the same request. The decoders are
// stricter than json/v2 in exactly these documented ways, and in no others:
//
//  1. null as a list entry ("CallbackURLs": [null]) is ErrType; json/v2
//     reads it as "" (the zero value), which would send an empty URL.
//  2. null as the whole request is ErrType; json/v2 leaves the value
//     unchanged and reports no error.
//  3. In an update, GenerateSecret and ClientSecret are ErrSecretInUpdate;
//     the update type has no such fields, so json/v2 reports an unknown
//     member for them, and both reject.
//
// json/v2 never accepts what a decoder rejects for another reason, and never
// rejects what a decoder accepts.

import (
	"bytes"
	"encoding/json/v2"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// strictV2 are the json/v2 options that match the decoders' strictness.
var strictV2 = []json.Options{json.RejectUnknownMembers(true)}

// stricterThanV2 reports whether err, a decoder's *DecodeError for data,
// is one of the documented cases where a decoder rejects what json/v2
// accepts, and which.
func stricterThanV2(data []byte, err error) (string, bool) {
	var de *DecodeError
	if !errors.As(err, &de) || de.Err != ErrType || !bytes.HasPrefix(data[de.Offset:], []byte("null")) {
		return "", false
	}
	switch {
	case strings.HasSuffix(de.Field, "]"):
		return "null list entry", true
	case de.Field == "":
		return "null request", true
	}
	return "", false
}

// compareWithV2 decodes data with decode and with json/v2 into a T, and
// fails t unless they agree as the file comment says.
func compareWithV2[T any](t *testing.T, name string, data []byte, decode func([]byte) (T, error)) {
	t.Helper()
	got, err := decode(data)
	var want T
	errV2 := json.Unmarshal(data, &want, strictV2...)
	switch {
	case err == nil && errV2 == nil:
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s and json/v2 read different requests (-json/v2 +%s):\n%s", name, name, diff)
		}
	case err == nil:
		t.Fatalf("%s accepts what json/v2 rejects: %v", name, errV2)
	case errV2 == nil:
		if _, ok := stricterThanV2(data, err); !ok {
			t.Fatalf("%s rejects what json/v2 accepts, outside the documented differences: %v", name, err)
		}
	}
}

// TestDecodeJSONv2Differences shows each documented difference, so that a
// change of either side's behaviour is noticed.
func TestDecodeJSONv2Differences(t *testing.T) {
	for _, tc := range []struct {
		in, kind string
	}{
		{`{"CallbackURLs": ["https://a.example/cb", null]}`, "null list entry"},
		{` null `, "null request"},
	} {
		_, err := decodeRequest([]byte(tc.in))
		if kind, ok := stricterThanV2([]byte(tc.in), err); !ok || kind != tc.kind {
			t.Errorf("DecodeRequest(%s) = %v: difference %q, want %q", tc.in, err, kind, tc.kind)
		}
		var v2 CreateUserPoolClientRequest
		if err := json.Unmarshal([]byte(tc.in), &v2, strictV2...); err != nil {
			t.Errorf("json/v2 rejects %s (%v): the difference is gone, update the file comment", tc.in, err)
		}
	}
	in := []byte(`{"ClientId": "abc", "ClientSecret": "abcdefghijklmnopqrstuvwxyz"}`)
	if _, err := decodeUpdateRequest(in); !errors.Is(err, ErrSecretInUpdate) {
		t.Errorf("DecodeUpdateRequest(%s) = %v, want ErrSecretInUpdate", in, err)
	}
	var v2 UpdateUserPoolClientRequest
	if err := json.Unmarshal(in, &v2, strictV2...); err == nil {
		t.Errorf("json/v2 accepts %s into an update request", in)
	}
}

// FuzzDecodeJSONv2 compares DecodeRequest and DecodeUpdateRequest with
// json/v2 on any input.
func FuzzDecodeJSONv2(f *testing.F) {
	for _, file := range requestFiles(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, v := range []any{fullRequest(), fullUpdateRequest()} {
		data, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		``, `{}`, `null`, ` {} `, `{} {}`, "\uFEFF{}",
		`{"CallbackUrls": ["https://example.com"]}`,
		`{"CallbackURLs": [null]}`,
		`{"TokenValidityUnits": {"AccessToken": null}, "ClientSecret": null}`,
		`{"AccessTokenValidity": 1e3, "IdTokenValidity": -0, "AuthSessionValidity": 2147483648}`,
		`{"ClientName": "a\u00e9\ud83d\ude00\"", "ClientId": "x"}`,
		`{"ClientName": "\ud800"}`,
		"{\"ClientName\": \"caf\xe9\"}",
		`{"ClientName": "a", "ClientName": "b"}`,
		`{"GenerateSecret": true, "RefreshTokenRotation": {"Feature": "ENABLED", "RetryGracePeriodSeconds": 5}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compareWithV2(t, "DecodeRequest", data, decodeRequest)
		compareWithV2(t, "DecodeUpdateRequest", data, decodeUpdateRequest)
	})
}
