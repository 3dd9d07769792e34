// The one place the app includes the OpenGL loader (glad, OpenGL 3.3 core) and GLFW.
#pragma once

#include <glad/gl.h>
// glad provides the GL declarations; GLFW must not include its own.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
