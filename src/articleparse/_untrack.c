/* Built beside the mypyc modules (setup.py); the package runs without it.

   untrack(tree, base) takes every container of a finished tree out of the
   cyclic garbage collector's lists: the instances of subclasses of `base`
   (pydantic's BaseModel), their __dict__s, and the lists, dicts and tuples
   between them. A parsed tree holds no reference cycle, so reference counting
   alone frees it; tracked, the collector would walk each kept tree again at
   every collection of its oldest generation. Objects of any other type are
   left as they are, and nothing below them is visited (classes, modules and
   whatever a user put in a tree are never touched).

   An untracked object is still freed as soon as nothing refers to it. Should a
   program later make a cycle through one, that cycle is never collected (it
   leaks); it is never freed early. A dict takes itself back into the
   collector's care when a tracked object is stored in it.

   Returns the number of objects untracked. */

#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyObject **items;
    Py_ssize_t size;
    Py_ssize_t capacity;
} Stack;

static int push(Stack *stack, PyObject *item) {
    if (!PyObject_IS_GC(item) || !PyObject_GC_IsTracked(item)) {
        return 0;  /* atoms (str, int, None) and what is untracked already */
    }
    if (stack->size == stack->capacity) {
        Py_ssize_t capacity = stack->capacity * 2;
        PyObject **items = PyMem_Realloc(stack->items, capacity * sizeof(PyObject *));
        if (items == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        stack->items = items;
        stack->capacity = capacity;
    }
    stack->items[stack->size++] = item;
    return 0;
}

static PyObject *untrack(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 2 || !PyType_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "untrack(tree, base): base must be a class");
        return NULL;
    }
    PyTypeObject *base = (PyTypeObject *)args[1];
    Stack stack = {PyMem_Malloc(64 * sizeof(PyObject *)), 0, 64};
    if (stack.items == NULL) {
        return PyErr_NoMemory();
    }
    Py_ssize_t count = 0;
    int failed = push(&stack, args[0]);
    /* The walk runs no Python code and frees nothing: every object it holds
       stays referenced by the one it was found in. */
    while (!failed && stack.size > 0) {
        PyObject *item = stack.items[--stack.size];
        PyTypeObject *type = Py_TYPE(item);
        if (type == &PyList_Type) {
            PyObject_GC_UnTrack(item);
            for (Py_ssize_t i = 0; !failed && i < PyList_GET_SIZE(item); i++) {
                failed = push(&stack, PyList_GET_ITEM(item, i));
            }
        } else if (type == &PyTuple_Type) {
            PyObject_GC_UnTrack(item);
            for (Py_ssize_t i = 0; !failed && i < PyTuple_GET_SIZE(item); i++) {
                failed = push(&stack, PyTuple_GET_ITEM(item, i));
            }
        } else if (type == &PyDict_Type) {
            PyObject_GC_UnTrack(item);
            Py_ssize_t position = 0;
            PyObject *key, *value;
            while (!failed && PyDict_Next(item, &position, &key, &value)) {
                failed = push(&stack, value);
            }
        } else if (PyType_IsSubtype(type, base)) {
            PyObject *fields = PyObject_GenericGetDict(item, NULL);
            if (fields == NULL) {
                failed = -1;
                break;
            }
            PyObject_GC_UnTrack(item);
            failed = push(&stack, fields);
            Py_DECREF(fields);  /* still held by the object */
        } else {
            continue;
        }
        count++;
    }
    PyMem_Free(stack.items);
    return failed ? NULL : PyLong_FromSsize_t(count);
}

static PyMethodDef methods[] = {
    {"untrack", (PyCFunction)(void (*)(void))untrack, METH_FASTCALL,
     "untrack(tree, base) -> int: take a finished tree out of the cyclic collector's care."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "articleparse._untrack",
    "Finished trees taken out of the cyclic garbage collector's lists.", -1, methods,
};

PyMODINIT_FUNC PyInit__untrack(void) { return PyModule_Create(&module); }
