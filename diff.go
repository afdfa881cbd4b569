package appclient

// Diff reports each member of the two configurations whose meaning differs,
// in member declaration order (nested members after their parent's
// place), or nil when they mean the same. It compares by meaning, not by
// spelling:
//
//   - defaults apply ([CreateUserPoolClientRequest.Effective]): an absent
//     member equals its default;
//   - token lifetimes compare as durations: one hour equals 60 minutes, and
//     TokenValidityUnits is never reported by itself;
//   - Cognito's lists compare as sets: order and duplicates do not matter,
//     and an empty list equals an absent one;
//   - the secret compares as "has a secret" (GenerateSecret, or a
//     ClientSecret, of any value), under the Field "GenerateSecret".
//
// It is meant for comparing a desired configuration with a described one:
// Diff(want, awssdk.FromUserPoolClient(described)). Diff(a, b) and Diff(b, a)
// name the same fields.
func Diff(want, got CreateUserPoolClientRequest) []Change {
	w, g := want.Canonical(), got.Canonical()
	var d differ
	diffMembers(&d, &w, &g)
	return d.changes
}
