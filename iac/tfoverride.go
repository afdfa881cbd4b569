package iac

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Override files, as Terraform reads them: a file named override.tf or
// NAME_override.tf (and their .tf.json forms) does not add blocks to its
// module; each of its blocks changes the block of the same type and labels
// that the module's other files define. Terraform reads them after the
// others, in lexical order of their names. Within a block, each argument
// of the override replaces the original's, and each nested block type it
// has replaces every nested block of that type (a dynamic block counts as
// a block of the type it makes); locals are overridden one by one. See
// Terraform's documentation, "Override Files".

// isOverrideFile reports whether name is a Terraform override file.
func isOverrideFile(name string) bool {
	base := strings.ToLower(filepath.Base(name))
	base, ok := strings.CutSuffix(base, ".tf.json")
	if !ok {
		base, ok = strings.CutSuffix(base, ".tf")
	}
	return ok && (base == "override" || strings.HasSuffix(base, "_override"))
}

// applyOverrides returns the bodies of a module's files with the blocks of
// its override files merged into the blocks they override, and without the
// override files' own bodies. The bodies given are not changed: a block
// that an override changes is a new block in a new body. A block of an
// override file that overrides nothing (Terraform refuses it) is left out.
func applyOverrides(bodies []*hclsyntax.Body) []*hclsyntax.Body {
	var base, overrides []*hclsyntax.Body
	for _, b := range bodies {
		if isOverrideFile(b.SrcRange.Filename) {
			overrides = append(overrides, b)
		} else {
			base = append(base, b)
		}
	}
	if len(overrides) == 0 {
		return bodies
	}
	slices.SortStableFunc(overrides, func(a, b *hclsyntax.Body) int {
		return strings.Compare(filepath.Base(a.SrcRange.Filename), filepath.Base(b.SrcRange.Filename))
	})
	out := slices.Clone(base)
	copied := make([]bool, len(out)) // whether out[i] is a copy already
	own := func(i int) *hclsyntax.Body {
		if !copied[i] {
			b := *out[i]
			b.Blocks = slices.Clone(b.Blocks)
			out[i] = &b
			copied[i] = true
		}
		return out[i]
	}
	for _, ov := range overrides {
		for _, blk := range ov.Blocks {
			switch blk.Type {
			case "locals":
				for name, attr := range blk.Body.Attributes {
					overrideLocal(out, own, name, attr)
				}
			case "terraform":
				// The settings of Terraform itself decide no client.
			default:
				for i, body := range out {
					j := slices.IndexFunc(body.Blocks, func(b *hclsyntax.Block) bool {
						return b.Type == blk.Type && slices.Equal(b.Labels, blk.Labels)
					})
					if j >= 0 {
						b := own(i)
						b.Blocks[j] = mergeBlock(b.Blocks[j], blk)
						break
					}
				}
			}
		}
	}
	return out
}

// overrideLocal replaces the local named name, in whichever locals block
// of the bodies defines it, with attr.
func overrideLocal(out []*hclsyntax.Body, own func(int) *hclsyntax.Body, name string, attr *hclsyntax.Attribute) {
	for i, body := range out {
		for j, blk := range body.Blocks {
			if blk.Type != "locals" {
				continue
			}
			if _, ok := blk.Body.Attributes[name]; ok {
				b := own(i)
				merged := *blk
				merged.Body = withAttribute(blk.Body, name, attr)
				b.Blocks[j] = &merged
				return
			}
		}
	}
}

// withAttribute returns a copy of body with the argument name set to attr.
func withAttribute(body *hclsyntax.Body, name string, attr *hclsyntax.Attribute) *hclsyntax.Body {
	b := *body
	b.Attributes = make(hclsyntax.Attributes, len(body.Attributes)+1)
	for k, v := range body.Attributes {
		b.Attributes[k] = v
	}
	b.Attributes[name] = attr
	return &b
}

// mergeBlock returns orig as ov overrides it: ov's arguments replace
// orig's, and each nested block type of ov replaces orig's blocks of that
// type. A lifecycle block is merged argument by argument, as Terraform
// merges it.
func mergeBlock(orig, ov *hclsyntax.Block) *hclsyntax.Block {
	merged := *orig
	body := *orig.Body
	body.Attributes = make(hclsyntax.Attributes, len(orig.Body.Attributes)+len(ov.Body.Attributes))
	for k, v := range orig.Body.Attributes {
		body.Attributes[k] = v
	}
	for k, v := range ov.Body.Attributes {
		body.Attributes[k] = v
	}
	replaced := map[string]bool{}
	for _, nb := range ov.Body.Blocks {
		if nb.Type != "lifecycle" {
			replaced[nestedType(nb)] = true
		}
	}
	body.Blocks = nil
	for _, nb := range orig.Body.Blocks {
		if !replaced[nestedType(nb)] {
			body.Blocks = append(body.Blocks, nb)
		}
	}
	for _, nb := range ov.Body.Blocks {
		if nb.Type == "lifecycle" {
			if i := slices.IndexFunc(body.Blocks, func(b *hclsyntax.Block) bool { return b.Type == "lifecycle" }); i >= 0 {
				body.Blocks[i] = mergeBlock(body.Blocks[i], nb)
				continue
			}
		}
		body.Blocks = append(body.Blocks, nb)
	}
	merged.Body = &body
	return &merged
}

// nestedType is the type of the blocks a nested block makes: a dynamic
// block's label, or the block's own type.
func nestedType(b *hclsyntax.Block) string {
	if b.Type == "dynamic" && len(b.Labels) == 1 {
		return b.Labels[0]
	}
	return b.Type
}
