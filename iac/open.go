package iac

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrNotRegular is the error of an input that is not a regular file: a
// directory where a file is expected, a named pipe, a device, a socket.
// Such a file is refused before it is opened for reading, so that reading
// it can never block.
var ErrNotRegular = errors.New("not a regular file")

// OpenInput opens one file that the package or the command reads: a file
// named on the command line, a file a directory walk finds, a fragment a
// Serverless service includes, a -pool file. It is the one way in:
//
//   - symbolic links are followed (the system refuses a loop of links);
//   - only a regular file is opened: anything else is refused with an
//     error that wraps [ErrNotRegular] and says what the file is, without
//     opening it, so that a named pipe or a link to a terminal never
//     blocks;
//   - a file larger than limit bytes is refused with an error that wraps
//     [ErrTooLarge] before anything is read (a limit of 0 or less means
//     [MaxFileSize]).
//
// Every error is an *fs.PathError naming path. The caller reads at most
// limit bytes from the file (see [ReadInput]) and closes it.
func OpenInput(path string, limit int64) (*os.File, fs.FileInfo, error) {
	if limit <= 0 {
		limit = MaxFileSize
	}
	fail := func(err error) (*os.File, fs.FileInfo, error) {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	fi, err := os.Stat(path)
	if err != nil {
		return fail(err)
	}
	if !fi.Mode().IsRegular() {
		return fail(notRegular(fi.Mode()))
	}
	if fi.Size() > limit {
		return fail(tooLarge(limit))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return fail(err)
	}
	// The file may have been replaced between Stat and OpenFile: what was
	// opened is what counts.
	opened, err := f.Stat()
	if err == nil && !opened.Mode().IsRegular() {
		err = notRegular(opened.Mode())
	} else if err == nil && opened.Size() > limit {
		err = tooLarge(limit)
	}
	if err != nil {
		f.Close()
		return fail(err)
	}
	return f, opened, nil
}

// ReadInput reads a whole file through [OpenInput], refusing more than
// limit bytes (0 or less: [MaxFileSize]) even when the file grows while it
// is read.
func ReadInput(path string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = MaxFileSize
	}
	f, _, err := OpenInput(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := readLimited(f, int(limit))
	if errors.Is(err, ErrTooLarge) {
		err = tooLarge(limit)
	}
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return data, nil
}

// readInclude reads a file that another includes, with the size limit.
func readInclude(path string, _ bool) ([]byte, error) {
	return ReadInput(filepath.FromSlash(path), maxInputBytes)
}

// tooLarge is the error of a file over limit bytes: ErrTooLarge itself
// for the general limit, and an error that is ErrTooLarge for errors.Is
// and says the limit for the others.
func tooLarge(limit int64) error {
	switch {
	case limit == maxInputBytes:
		return ErrTooLarge
	case limit == maxHCLBytes:
		return errHCLTooLarge
	case limit%(1<<20) == 0:
		return sizeError(fmt.Sprintf("larger than %d MiB", limit>>20))
	case limit%(1<<10) == 0:
		return sizeError(fmt.Sprintf("larger than %d KiB", limit>>10))
	}
	return sizeError(fmt.Sprintf("larger than %d bytes", limit))
}

// sizeError is an error over a size limit other than MaxFileSize; it is
// ErrTooLarge for errors.Is.
type sizeError string

func (e sizeError) Error() string        { return string(e) }
func (e sizeError) Is(target error) bool { return target == ErrTooLarge }

// errHCLTooLarge is the error of a .tf file over MaxHCLSize.
var errHCLTooLarge error = sizeError(fmt.Sprintf("Terraform file larger than %d KiB", maxHCLBytes>>10))

// notRegular says what a file that is not a regular file is.
func notRegular(m fs.FileMode) error {
	what := "of an unknown type"
	switch {
	case m.IsDir():
		what = "a directory"
	case m&fs.ModeNamedPipe != 0:
		what = "a named pipe"
	case m&fs.ModeSocket != 0:
		what = "a socket"
	case m&fs.ModeCharDevice != 0:
		what = "a character device"
	case m&fs.ModeDevice != 0:
		what = "a device"
	case m&fs.ModeIrregular != 0:
		what = "an irregular file"
	}
	return fmt.Errorf("%w: %s", ErrNotRegular, what)
}
