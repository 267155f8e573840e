/* Built beside the mypyc modules (setup.py); the package runs without it, and
   the pure-Python build never uses it (articleparse/native.py).

   new_node(cls, fields, fields_set) is what parser/trusted.py's trusted_node
   does in Python: object.__new__(cls), then BaseModel's four slots set through
   their own descriptors (the fields dict, the fields set, no extra, no private
   values), with no Python-level call between them.

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

static PyObject *untrack(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs) {
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

/* BaseModel's slot descriptors, taken once by bind(). */
static PyObject *slots[4];
static PyTypeObject *model_base;

static PyObject *bind(PyObject *Py_UNUSED(module), PyObject *base) {
    static const char *names[4] = {
        "__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"};
    if (!PyType_Check(base)) {
        PyErr_SetString(PyExc_TypeError, "bind(base): base must be a class");
        return NULL;
    }
    PyObject *found[4];
    for (int i = 0; i < 4; i++) {
        found[i] = PyDict_GetItemString(((PyTypeObject *)base)->tp_dict, names[i]);
        if (found[i] == NULL || Py_TYPE(found[i])->tp_descr_set == NULL) {
            PyErr_Format(PyExc_TypeError, "bind(base): base has no slot %s", names[i]);
            return NULL;
        }
    }
    for (int i = 0; i < 4; i++) {
        Py_XSETREF(slots[i], Py_NewRef(found[i]));
    }
    Py_XSETREF(model_base, (PyTypeObject *)Py_NewRef(base));
    Py_RETURN_NONE;
}

static PyObject *empty_args;

static PyObject *new_node(PyObject *Py_UNUSED(module), PyObject *const *args, Py_ssize_t nargs) {
    if (model_base == NULL) {
        PyErr_SetString(PyExc_RuntimeError, "new_node: bind(BaseModel) first");
        return NULL;
    }
    if (nargs != 3 || !PyType_Check(args[0]) ||
        !PyType_IsSubtype((PyTypeObject *)args[0], model_base) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "new_node(cls, fields, fields_set): a model class and a dict");
        return NULL;
    }
    PyTypeObject *cls = (PyTypeObject *)args[0];
    PyObject *node = PyBaseObject_Type.tp_new(cls, empty_args, NULL);  /* object.__new__(cls) */
    if (node == NULL) {
        return NULL;
    }
    PyObject *values[4] = {args[1], args[2], Py_None, Py_None};
    for (int i = 0; i < 4; i++) {
        if (Py_TYPE(slots[i])->tp_descr_set(slots[i], node, values[i]) < 0) {
            Py_DECREF(node);
            return NULL;
        }
    }
    return node;
}

static PyMethodDef methods[] = {
    {"bind", (PyCFunction)bind, METH_O, "bind(BaseModel): take the slot descriptors new_node sets."},
    {"new_node", (PyCFunction)(void (*)(void))new_node, METH_FASTCALL,
     "new_node(cls, fields, fields_set) -> cls: a node with these fields, unvalidated."},
    {"untrack", (PyCFunction)(void (*)(void))untrack, METH_FASTCALL,
     "untrack(tree, base) -> int: take a finished tree out of the cyclic collector's care."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "articleparse._native",
    "Model nodes made, and finished trees taken out of the cyclic collector's lists, in C.", -1,
    methods,
};

PyMODINIT_FUNC PyInit__native(void) {
    empty_args = PyTuple_New(0);
    if (empty_args == NULL) {
        return NULL;
    }
    return PyModule_Create(&module);
}
