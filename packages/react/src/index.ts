// React wrappers for the Mutual elements: generated with @lit/react (issue 9, in progress).
export {};
