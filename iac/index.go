package iac

import "github.com/cognitokit/appclient"

// resIndex indexes the resources of one template or module, so that the
// checks that look resources up for each client (its own resource, its
// pool, the resource servers and identity providers of the pool, what it
// depends on) cost in proportion to what they find, not to the number of
// resources. [File.Findings] builds one per file and shares it between
// the file's clients.
type resIndex struct {
	resources []*Resource
	byName    map[string][]*Resource
	byType    map[string][]*Resource
	// poolOf is, by resource, the user pool among the resources that its
	// UserPoolId refers to (nil for none), by schema.
	poolOf [2]map[*Resource]*Resource
	// pools are the pools built for clients of a pool the resources
	// define, by schema and pool resource: every client of it shares one.
	pools [2]map[*Resource]*appclient.Pool
	// refs are, by resource, the names it refers to directly.
	refs map[*Resource][]string
	// keyed are, by schema, resource type and known key (a resource
	// server's identifier, an identity provider's name), the resources of
	// that type with that key.
	keyed [2]map[string]map[string][]*Resource
}

func newResIndex(resources []*Resource) *resIndex {
	idx := &resIndex{resources: resources, byName: map[string][]*Resource{}, byType: map[string][]*Resource{},
		refs: map[*Resource][]string{}}
	for _, r := range resources {
		idx.byName[r.Name] = append(idx.byName[r.Name], r)
		idx.byType[r.Type] = append(idx.byType[r.Type], r)
	}
	for i := range idx.poolOf {
		idx.poolOf[i] = map[*Resource]*Resource{}
		idx.pools[i] = map[*Resource]*appclient.Pool{}
	}
	return idx
}

// schemaIndex is the index in poolOf and pools of a schema.
func schemaIndex(s poolSchema) int {
	if s.terraform {
		return 1
	}
	return 0
}

// named returns the resources named name.
func (idx *resIndex) named(name string) []*Resource {
	return idx.byName[name]
}

// typed returns the resources of the given types, type by type.
func (idx *resIndex) typed(types ...string) []*Resource {
	if len(types) == 1 {
		return idx.byType[types[0]]
	}
	var out []*Resource
	for _, t := range types {
		out = append(out, idx.byType[t]...)
	}
	return out
}

// poolOfResource returns the user pool among the resources that r's
// UserPoolId refers to, or nil, computing it once.
func (idx *resIndex) poolOfResource(s poolSchema, r *Resource) *Resource {
	m := idx.poolOf[schemaIndex(s)]
	if p, ok := m[r]; ok {
		return p
	}
	p := definedPool(s, r.properties.Get(s.userPoolID), idx)
	m[r] = p
	return p
}

// withKey returns the resources of type typ whose member key has the known
// value want, indexing them once.
func (idx *resIndex) withKey(s poolSchema, typ, key, want string) []*Resource {
	i := schemaIndex(s)
	if idx.keyed[i] == nil {
		idx.keyed[i] = map[string]map[string][]*Resource{}
	}
	byKey, ok := idx.keyed[i][typ]
	if !ok {
		byKey = map[string][]*Resource{}
		for _, r := range idx.byType[typ] {
			if v, ok := known(r.properties.Get(key)); ok {
				byKey[v] = append(byKey[v], r)
			}
		}
		idx.keyed[i][typ] = byKey
	}
	return byKey[want]
}

// references returns the names r refers to directly, computing them once.
func (idx *resIndex) references(r *Resource) []string {
	if refs, ok := idx.refs[r]; ok {
		return refs
	}
	refs := references(r.properties, append([]string(nil), r.DependsOn...), 0)
	idx.refs[r] = refs
	return refs
}
