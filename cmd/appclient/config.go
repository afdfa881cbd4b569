package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cognitokit/appclient"
	"github.com/cognitokit/appclient/iac"
	"github.com/cognitokit/appclient/internal/suggest"
)

// configName is the name of the configuration file that validate looks
// for from each checked path up to the repository root.
const configName = ".appclient.yaml"

// maxConfigBytes is the largest configuration file read.
const maxConfigBytes = 1 << 20

// repoConfig is a team's configuration of validate, as .appclient.yaml holds
// it:
//
//	rules:                       # a rule's severity: off, warning or error
//	  user-existence-errors: error
//	  loopback-redirect: off
//	exclude:                     # files a directory walk does not report
//	  - vendor/**
//	  - "**/testdata/**"
//	var-file: [envs/prod.tfvars] # deployment values: validate's flags
//	stage: prod
type repoConfig struct {
	// name is the file's path as messages name it; dir is its directory,
	// absolute, which exclude patterns and file values are relative to.
	name, dir string
	rules     map[string]ruleSetting
	exclude   []excludePattern
	// flags are the keys that set validate's flags, in file order.
	flags []configFlag
}

// ruleSetting is the severity the file gives a rule: "off", "warning" or
// "error", and the line that says so.
type ruleSetting struct {
	severity string
	line     int
}

// excludePattern is one exclude glob, split at slashes.
type excludePattern struct {
	parts []string
}

// configFlag is a key that sets one of validate's flags, with the values
// it passes to the flag, each as it would be given on the command line.
type configFlag struct {
	name   string
	values []string
	line   int
}

// configFlags are the keys that set validate's flags: the deployment
// values, named as the flags are. pathValued are those whose values are
// files, relative to the configuration file.
var (
	configFlags = []string{"var-file", "var", "parameters", "config-env", "stage"}
	pathValued  = map[string]bool{"var-file": true, "parameters": true}
	configKeys  = append([]string{"rules", "exclude"}, configFlags...)
)

// configError is a problem with a configuration file, at a line.
type configError struct {
	file      string
	line, col int
	msg       string
}

func (e *configError) Error() string {
	switch {
	case e.line == 0:
		return e.file + ": " + e.msg
	case e.col == 0:
		return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.file, e.line, e.col, e.msg)
}

// loadConfig reads the configuration file at p; name is how messages name
// it.
func loadConfig(p, name string) (*repoConfig, error) {
	data, err := iac.ReadInput(p, maxConfigBytes)
	if err != nil {
		return nil, &configError{file: name, msg: readErrorText(err)}
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, &configError{file: name, msg: err.Error()}
	}
	return parseConfig(name, filepath.Dir(abs), data)
}

// parseConfig reads a configuration file's content. Every problem is an
// error naming its line: unknown keys and rule ids (with the one most
// likely meant), a severity other than off, warning and error, a value of
// the wrong shape, a key written twice, a bad glob.
func parseConfig(name, dir string, data []byte) (*repoConfig, error) {
	c := &repoConfig{name: name, dir: dir, rules: map[string]ruleSetting{}}
	fail := func(n *yaml.Node, format string, args ...any) (*repoConfig, error) {
		return nil, &configError{file: name, line: n.Line, col: n.Column, msg: fmt.Sprintf(format, args...)}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if n, err := fmt.Sscanf(msg, "line %d: ", &line); n == 1 && err == nil {
			_, msg, _ = strings.Cut(msg, ": ")
		}
		return nil, &configError{file: name, line: line, msg: msg}
	}
	if len(doc.Content) == 0 {
		return c, nil // empty: the defaults
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if root.Kind != yaml.MappingNode {
		return fail(root, "want a mapping of %s", strings.Join(configKeys, ", "))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if first, dup := seen[k.Value]; dup {
			return fail(k, "%s is written twice (first on line %d)", k.Value, first)
		}
		seen[k.Value] = k.Line
		switch key := k.Value; {
		case key == "rules":
			if err := c.parseRules(v, fail); err != nil {
				return nil, err
			}
		case key == "exclude":
			globs, err := stringList(v)
			if err != nil {
				return fail(v, "exclude: %v", err)
			}
			for j, g := range globs {
				p, msg := parseExclude(g)
				if msg != "" {
					at := v
					if v.Kind == yaml.SequenceNode {
						at = v.Content[j]
					}
					return fail(at, "exclude: %q %s", g, msg)
				}
				c.exclude = append(c.exclude, p)
			}
		case slices.Contains(configFlags, key):
			values, err := flagValues(key, v)
			if err != nil {
				return fail(v, "%s: %v", key, err)
			}
			if pathValued[key] {
				for j, s := range values {
					if !filepath.IsAbs(s) {
						values[j] = filepath.Join(dir, filepath.FromSlash(s))
					}
				}
			}
			c.flags = append(c.flags, configFlag{name: key, values: values, line: k.Line})
		default:
			if s := suggest.Nearest(key, configKeys); s != "" {
				return fail(k, "unknown key %q (did you mean %q?)", key, s)
			}
			return fail(k, "unknown key %q (want %s)", key, strings.Join(configKeys, ", "))
		}
	}
	return c, nil
}

// parseRules reads the rules mapping: rule id to off, warning or error.
func (c *repoConfig) parseRules(v *yaml.Node, fail func(*yaml.Node, string, ...any) (*repoConfig, error)) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.MappingNode {
		_, err := fail(v, "rules: want a mapping of rule ids to off, warning or error")
		return err
	}
	var ids []string
	for _, r := range appclient.Rules() {
		ids = append(ids, r.ID)
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, s := v.Content[i], v.Content[i+1]
		id := k.Value
		if _, ok := appclient.RuleByID(id); !ok || k.Kind != yaml.ScalarNode {
			hint := "appclient rules lists them"
			if n := suggest.Nearest(id, ids); n != "" {
				hint = fmt.Sprintf("did you mean %q?", n)
			}
			_, err := fail(k, "rules: unknown rule %q (%s)", id, hint)
			return err
		}
		if prev, dup := c.rules[id]; dup {
			_, err := fail(k, "rules: %s is written twice (first on line %d)", id, prev.line)
			return err
		}
		switch sev := s.Value; {
		case s.Kind == yaml.ScalarNode && (sev == "off" || sev == "warning" || sev == "error"):
			c.rules[id] = ruleSetting{severity: sev, line: k.Line}
		default:
			_, err := fail(s, "rules: %s: want off, warning or error, not %s", id, describeNode(s))
			return err
		}
	}
	return nil
}

// describeNode names a YAML value in a message: a scalar quoted, anything
// else by its kind.
func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return "an alias"
}

// stringList reads a string or a list of strings.
func stringList(v *yaml.Node) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, nil
		}
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		out := make([]string, 0, len(v.Content))
		for _, e := range v.Content {
			if e.Kind != yaml.ScalarNode || e.Tag == "!!null" {
				return nil, fmt.Errorf("want strings, found %s on line %d", describeNode(e), e.Line)
			}
			out = append(out, e.Value)
		}
		return out, nil
	}
	return nil, fmt.Errorf("want a string or a list of strings, not %s", describeNode(v))
}

// flagValues reads the values a key passes to its flag: a string or a
// list of strings, and for var also a mapping of names to values, each
// passed as NAME=VALUE.
func flagValues(key string, v *yaml.Node) ([]string, error) {
	if key == "var" && v.Kind == yaml.MappingNode {
		var out []string
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, val := v.Content[i], v.Content[i+1]
			if val.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s: want a string, not %s", k.Value, describeNode(val))
			}
			out = append(out, k.Value+"="+val.Value)
		}
		return out, nil
	}
	values, err := stringList(v)
	if err == nil && len(values) > 1 && !repeatable(key) {
		err = fmt.Errorf("takes one value, not %d", len(values))
	}
	return values, err
}

// repeatable reports whether a flag may be given several times.
func repeatable(name string) bool { return name == "var-file" || name == "var" }

// parseExclude checks an exclude glob and splits it; msg says what is
// wrong with it.
func parseExclude(g string) (p excludePattern, msg string) {
	g = strings.TrimPrefix(g, "./")
	switch {
	case g == "":
		return p, "is empty"
	case strings.HasPrefix(g, "/"):
		return p, "is absolute: patterns are relative to the configuration file's directory"
	case strings.Contains(g, `\`):
		return p, "has a backslash: patterns are slash-separated"
	}
	for part := range strings.SplitSeq(strings.TrimSuffix(g, "/"), "/") {
		if part == ".." {
			return p, "leaves the configuration file's directory"
		}
		if _, err := path.Match(part, ""); err != nil {
			return p, "is not a valid pattern"
		}
		if part != "" && part != "." {
			p.parts = append(p.parts, part)
		}
	}
	return p, ""
}

// match reports whether rel, a slash-separated path relative to the
// configuration file's directory, or one of the directories it lies in,
// matches the pattern. "*" and "?" match within one path element, "**"
// matches any number of elements.
func (p excludePattern) match(rel string) bool {
	elems := strings.Split(rel, "/")
	// A directory that matches excludes what lies in it.
	for n := 1; n <= len(elems); n++ {
		if matchParts(p.parts, elems[:n]) {
			return true
		}
	}
	return false
}

func matchParts(pat, elems []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for i := 0; i <= len(elems); i++ {
				if matchParts(pat[1:], elems[i:]) {
					return true
				}
			}
			return false
		}
		if len(elems) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], elems[0]); !ok {
			return false
		}
		pat, elems = pat[1:], elems[1:]
	}
	return len(elems) == 0
}

// excludes reports whether the file named name, found in a directory
// walk, is excluded.
func (c *repoConfig) excludes(name string) bool {
	if c == nil || len(c.exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(c.dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, p := range c.exclude {
		if p.match(rel) {
			return true
		}
	}
	return false
}

// apply gives a file's findings the severities the file sets: a rule set
// to off is dropped, one set to warning or error gets that severity, and a
// finding whose severity changed says which line changed it.
func (c *repoConfig) apply(r *fileResult) {
	if c == nil || len(c.rules) == 0 {
		return
	}
	kept := r.Findings[:0]
	for _, f := range r.Findings {
		s, ok := c.rules[f.Rule]
		switch {
		case !ok:
		case s.severity == "off":
			continue
		case appclient.Severity(s.severity) != f.Severity:
			f.Severity = appclient.Severity(s.severity)
			f.ConfiguredBy = fmt.Sprintf("%s:%d", c.name, s.line)
		}
		kept = append(kept, f)
	}
	r.Findings = kept
}

// findConfig returns the configuration file that applies to a checked
// path: .appclient.yaml in the path's directory (the path itself, for a
// directory; the current directory for "-") or the nearest parent, up to
// the repository root, the nearest directory that holds .git, or the
// file system's root outside a repository. "" means none.
func findConfig(target string) (string, error) {
	start := "."
	if target != "-" {
		start = target
		if fi, err := os.Stat(target); err != nil || !fi.IsDir() {
			start = filepath.Dir(target)
		}
	}
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, configName)
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// displayConfigName names a configuration file in messages: relative to
// the current directory, as the files checked are named.
func displayConfigName(abs string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil {
			return rel
		}
	}
	return abs
}

// configs maps each checked path to its configuration: the -config file
// for all of them, or the file found from each.
type configs struct {
	byTarget map[string]*repoConfig
	loaded   []*repoConfig
}

// loadConfigs finds and reads the configuration of every target.
func loadConfigs(explicit string, targets []string) (*configs, error) {
	cs := &configs{byTarget: map[string]*repoConfig{}}
	byPath := map[string]*repoConfig{}
	load := func(p, name string) (*repoConfig, error) {
		if c, ok := byPath[p]; ok {
			return c, nil
		}
		c, err := loadConfig(p, name)
		if err != nil {
			return nil, err
		}
		byPath[p] = c
		cs.loaded = append(cs.loaded, c)
		return c, nil
	}
	if explicit != "" {
		c, err := load(explicit, explicit)
		if err != nil {
			return nil, err
		}
		for _, t := range targets {
			cs.byTarget[t] = c
		}
		return cs, nil
	}
	for _, t := range targets {
		p, err := findConfig(t)
		if err != nil {
			return nil, &configError{file: t, msg: "looking for " + configName + ": " + readErrorText(err)}
		}
		if p == "" {
			continue
		}
		c, err := load(p, displayConfigName(p))
		if err != nil {
			return nil, err
		}
		cs.byTarget[t] = c
	}
	return cs, nil
}

// setFlags gives the flags the values the configuration files set. It
// runs before the command line is parsed, so that the command line's
// flags come after the files' values: a flag given on the command line
// replaces the file's value, and repeatable flags (-var-file, -var) keep
// the file's values first, which the command line's then override, as
// Terraform applies them in order. A key whose flag this build lacks, or a
// flag that two files set, is an error.
func (cs *configs) setFlags(fset *flag.FlagSet) error {
	setBy := map[string]*repoConfig{}
	for _, c := range cs.loaded {
		for _, cf := range c.flags {
			if fset.Lookup(cf.name) == nil {
				return &configError{file: c.name, line: cf.line, col: 1, msg: fmt.Sprintf("%s: this appclient has no -%s flag", cf.name, cf.name)}
			}
			if other := setBy[cf.name]; other != nil && other != c {
				return &configError{file: c.name, line: cf.line, col: 1, msg: fmt.Sprintf("%s: %s sets it too; check the paths of each configuration in a run of their own", cf.name, other.name)}
			}
			setBy[cf.name] = c
			for _, v := range cf.values {
				if err := fset.Set(cf.name, v); err != nil {
					return &configError{file: c.name, line: cf.line, col: 1, msg: fmt.Sprintf("%s: %v", cf.name, err)}
				}
			}
		}
	}
	return nil
}

// parseWithConfig parses validate's command line on fset with the
// configuration of the paths it names: a first pass, on a copy of fset's
// flags that only records, finds the paths and -config; the configuration
// files they lead to are read and give their values to fset; then the
// command line is parsed on fset, after them. fset defines -config.
func parseWithConfig(fset *flag.FlagSet, args []string) (*configs, []string, error) {
	probe := flag.NewFlagSet(fset.Name(), flag.ContinueOnError)
	probe.SetOutput(io.Discard)
	explicit := ""
	fset.VisitAll(func(f *flag.Flag) {
		p := probeValue{}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			p.isBool = true
		}
		if f.Name == "config" {
			p.last = &explicit
		}
		probe.Var(p, f.Name, f.Usage)
	})
	files, err := parseArgs(probe, args)
	if err != nil {
		// The real flags say what is wrong, or that -h was asked for.
		_, err = parseArgs(fset, args)
		if err == nil {
			err = errors.New("bad command line")
		}
		return nil, nil, err
	}
	if len(files) == 0 {
		// A usage error the caller reports; no configuration to read.
		files, err = parseArgs(fset, args)
		return &configs{byTarget: map[string]*repoConfig{}}, files, err
	}
	cfg, err := loadConfigs(explicit, files)
	if err == nil {
		err = cfg.setFlags(fset)
	}
	if err != nil {
		return nil, nil, err
	}
	files, err = parseArgs(fset, args)
	return cfg, files, err
}

// probeValue is a flag value of parseWithConfig's first pass: it accepts
// any value, keeps the last in last when not nil, and is a boolean flag
// when the flag it stands for is one.
type probeValue struct {
	isBool bool
	last   *string
}

func (p probeValue) String() string { return "" }

func (p probeValue) Set(s string) error {
	if p.last != nil {
		*p.last = s
	}
	return nil
}

func (p probeValue) IsBoolFlag() bool { return p.isBool }

// filter wraps emit with the configuration of target: excluded files of a
// directory walk are dropped, and the severities the file sets applied.
func (cs *configs) filter(target string, emit func(*fileResult)) func(*fileResult) {
	c := cs.byTarget[target]
	if c == nil {
		return emit
	}
	walked := false
	if fi, err := os.Stat(target); target != "-" && err == nil && fi.IsDir() {
		walked = true
	}
	return func(r *fileResult) {
		if walked && c.excludes(r.Name) {
			return
		}
		c.apply(r)
		emit(r)
	}
}
